package io.workspacebackend.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A fork bomb typed into a session's terminal, as its user would: the container's pids limit holds
 * it, and the session's process guard ends it before opencode starves, so the agent keeps working
 * and the session keeps running.
 */
@Timeout(300)
class TerminalForkBombTest {
  @RegisterExtension
  static final RunningBackend backend =
      new RunningBackend().with("sessions.startup_timeout", "180s");

  @Test
  void aForkBombInTheTerminalIsEndedAndTheAgentKeepsWorking() throws Exception {
    Accounts accounts = new Accounts(backend);
    SignedIn owner = accounts.register(Role.USER);
    WebTestClient api =
        accounts.as(owner.token()).mutate().responseTimeout(Duration.ofSeconds(60)).build();
    try (LiveSession live = LiveSession.create(accounts, owner.token())) {
      live.awaitRunning();
      URI terminalUri =
          URI.create(
              "ws://127.0.0.1:" + backend.server().port() + "/sessions/" + live.id() + "/terminal");
      try (TtydClient terminal =
          new TtydClient(terminalUri, Map.of("Authorization", "Bearer " + owner.token()))) {
        terminal.init(80, 24);
        terminal.type("echo ready-$((6*7))\r");
        terminal.awaitOutput("ready-42", 60);
        terminal.type("bomb() { bomb | bomb & }; bomb\r");

        // The guard says what it did in the session's log.
        Awaitility.await()
            .atMost(Duration.ofMinutes(1))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> logs(api, live).contains("guard: the container reached"));
      }

      // opencode starts a thread for a new session; it can, and answers.
      for (int i = 0; i < 3; i++) {
        api.post()
            .uri("/sessions/" + live.id() + "/opencode/session")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}")
            .exchange()
            .expectStatus()
            .isOk();
      }
      Session after =
          api.get()
              .uri("/api/sessions/" + live.id())
              .exchange()
              .expectBody(Session.class)
              .returnResult()
              .getResponseBody();
      assertThat(after.status()).isEqualTo(SessionStatus.RUNNING);
      assertThat(logs(api, live)).doesNotContain("exited with status");
    }
  }

  private static String logs(WebTestClient api, LiveSession live) {
    String text =
        api.get()
            .uri("/api/sessions/" + live.id() + "/logs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    return text == null ? "" : text;
  }
}
