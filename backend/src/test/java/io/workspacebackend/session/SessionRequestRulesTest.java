package io.workspacebackend.session;

import io.workspacebackend.model.session.CreateSessionRequest;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import io.workspacebackend.testing.SessionClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Bad create requests get a clear 400 or 409 and leave nothing behind. */
@Timeout(120)
class SessionRequestRulesTest {
  @RegisterExtension
  static RunningBackend backend = new RunningBackend().with("sessions.max_per_user", "1");

  @Test
  void aMissingImageIsRefusedNamingIt() {
    expectImageRefused(
        new CreateSessionRequest(null, "no-such-image:1", null, null), "no-such-image:1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Alpine",
        "a b",
        "x@sha256:zz",
        "alpine;rm -rf /",
        "-alpine",
        "alpine:",
        "registry:5000/",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      })
  void aMalformedImageReferenceIsRefusedNamingImage(String image) {
    expectImageRefused(
        new CreateSessionRequest(null, image, null, null), "not a valid image reference");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "no-such:1",
        "registry.example:5000/team/no-such:v1.2",
        "no-such@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
      })
  void aWellFormedButMissingImageIsRefusedAsMissing(String image) {
    expectImageRefused(new CreateSessionRequest(null, image, null, null), "is not present");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../elsewhere", "/etc", "a/../../b"})
  void aWorkspaceOutsideTheUsersDirectoryIsRefused(String workspace) {
    expectInvalid(new CreateSessionRequest(null, null, workspace, null), "workspace");
  }

  @Test
  void aWorkspaceSymlinkLeadingOutIsRefused() throws Exception {
    Accounts accounts = new Accounts(backend);
    String username = Accounts.uniqueName("linker");
    String token =
        accounts.register(accounts.inviteCode(Role.USER, 1), username, Accounts.PASSWORD).token();
    Path userDirectory = backend.config().paths().workspaceRoot().resolve(username);
    Files.createDirectories(userDirectory);
    Files.createSymbolicLink(userDirectory.resolve("out"), Path.of("/etc"));

    accounts
        .as(token)
        .post()
        .uri("/api/sessions")
        .bodyValue(new CreateSessionRequest(null, null, "out", null))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("workspace");
  }

  @ParameterizedTest
  @ValueSource(strings = {"lower", "1START", "WITH-DASH", "SESSION_SECRET", "OPENCODE_PORT"})
  void badOrReservedEnvNamesAreRefused(String name) {
    expectInvalid(new CreateSessionRequest(null, null, null, Map.of(name, "x")), "env");
  }

  @Test
  void aBadNameIsRefused() {
    expectInvalid(new CreateSessionRequest("../x", null, null, null), "name");
  }

  @Test
  void malformedJsonIsABadRequest() {
    Accounts accounts = new Accounts(backend);
    accounts
        .as(accounts.register(Role.USER).token())
        .post()
        .uri("/api/sessions")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"name\": ")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void aUserOverTheLimitGetsConflict() {
    Accounts accounts = new Accounts(backend);
    SessionClient sessions = new SessionClient(accounts.as(accounts.register(Role.USER).token()));
    Session first = sessions.create("first");
    try {
      sessions
          .http()
          .post()
          .uri("/api/sessions")
          .bodyValue(new CreateSessionRequest("second", null, null, null))
          .exchange()
          .expectStatus()
          .isEqualTo(409)
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    } finally {
      sessions.delete(first.id());
    }
  }

  @Test
  void withoutATokenSessionsAreUnauthorized() {
    backend.client().get().uri("/api/sessions").exchange().expectStatus().isUnauthorized();
  }

  /** 400 naming {@code image}, with a detail that says {@code why}. */
  private static void expectImageRefused(CreateSessionRequest request, String why) {
    expectInvalid(request, "image")
        .jsonPath("$.detail")
        .value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail).contains(why));
  }

  private static WebTestClient.BodyContentSpec expectInvalid(
      CreateSessionRequest request, String field) {
    Accounts accounts = new Accounts(backend);
    return accounts
        .as(accounts.register(Role.USER).token())
        .post()
        .uri("/api/sessions")
        .bodyValue(request)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo(field);
  }
}
