package io.workspacebackend.session;

import io.workspacebackend.model.session.CreateSessionRequest;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import io.workspacebackend.testing.SocketRelay;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;

/** The engine goes away while the server runs: requests fail fast and clearly, never hang. */
@Timeout(120)
class RuntimeOutageTest {
  private static final SocketRelay relay = relay();

  @RegisterExtension
  static RunningBackend backend =
      new RunningBackend().with("container.socket", relay.path().toString());

  @AfterAll
  static void closeRelay() throws Exception {
    relay.close();
  }

  @Test
  void creatingASessionWhileTheRuntimeIsDownAnswers503WithAProblem() throws Exception {
    Accounts accounts = new Accounts(backend);
    String token = accounts.register(Role.USER).token();
    relay.close();

    accounts
        .as(token)
        .post()
        .uri("/api/sessions")
        // An image not yet known to be present: the server must ask the engine.
        .bodyValue(new CreateSessionRequest("outage", "opencode-dev:latest", null, null))
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .exists("Retry-After");
    backend
        .client()
        .get()
        .uri("/api/health")
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectBody()
        .jsonPath("$.runtime.status")
        .isEqualTo("down");
  }

  private static SocketRelay relay() {
    try {
      return SocketRelay.to(
          Path.of("/var/run/docker.sock"),
          Files.createTempDirectory("relay").resolve("engine.sock"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
