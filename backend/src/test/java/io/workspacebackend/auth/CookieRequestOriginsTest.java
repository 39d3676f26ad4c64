package io.workspacebackend.auth;

import io.workspacebackend.model.auth.LoginRequest;
import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A state-changing request that signs in with the {@code workspace_token} cookie must come from a
 * trusted page (this server's origin or {@code server.allowed_origins}); one with a bearer token
 * need not.
 */
class CookieRequestOriginsTest {
  private static final String CONFIGURED = "https://console.example.com";

  @RegisterExtension
  static final RunningBackend backend =
      new RunningBackend().with("server.allowed_origins", CONFIGURED);

  private static Accounts accounts;
  private static SignedIn admin;
  private static SignedIn bob;

  @BeforeAll
  static void users() {
    accounts = new Accounts(backend);
    admin = accounts.register(Role.ADMIN);
    bob = accounts.register(Role.USER);
  }

  private static String ownOrigin() {
    return "http://127.0.0.1:" + backend.server().port();
  }

  private static WebTestClient.ResponseSpec changeBobWithTheCookie(String origin) {
    WebTestClient.RequestBodySpec request =
        backend
            .client()
            .patch()
            .uri("/api/users/{id}", bob.user().id())
            .cookie(CredentialCookies.API, admin.token());
    if (origin != null) {
      request.header(HttpHeaders.ORIGIN, origin);
    }
    return request.bodyValue(Map.of("disabled", false)).exchange();
  }

  @Test
  void withoutAnOriginTheCookieChangesNothing() {
    changeBobWithTheCookie(null)
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void fromAForeignOrSiblingOriginTheCookieChangesNothing() {
    changeBobWithTheCookie("https://evil.example").expectStatus().isForbidden();
    changeBobWithTheCookie("http://" + UUID.randomUUID() + ".localhost:" + backend.server().port())
        .expectStatus()
        .isForbidden();
    changeBobWithTheCookie("null").expectStatus().isForbidden();
  }

  @Test
  void fromTheServersOwnOriginOrAConfiguredOneTheCookieWorks() {
    changeBobWithTheCookie(ownOrigin()).expectStatus().isOk();
    changeBobWithTheCookie(CONFIGURED).expectStatus().isOk();
  }

  @Test
  void aBearerTokenNeedsNoOrigin() {
    accounts
        .as(admin.token())
        .patch()
        .uri("/api/users/{id}", bob.user().id())
        .bodyValue(Map.of("disabled", false))
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void readingWithTheCookieNeedsNoOrigin() {
    backend
        .client()
        .get()
        .uri("/api/users")
        .cookie(CredentialCookies.API, admin.token())
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void aStaleCookieNeverBlocksLoggingIn() {
    backend
        .client()
        .post()
        .uri("/api/auth/login")
        .cookie(CredentialCookies.API, "stale")
        .bodyValue(new LoginRequest(bob.user().username(), Accounts.PASSWORD))
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void thePathRoutesAskTheSameOfTheCookie() {
    backend
        .client()
        .put()
        .uri("/sessions/{id}/files/file?path=x.txt", UUID.randomUUID())
        .cookie(CredentialCookies.API, admin.token())
        .header(HttpHeaders.ORIGIN, "https://evil.example")
        .bodyValue("x")
        .exchange()
        .expectStatus()
        .isForbidden();
  }
}
