package example.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.LeftoverSessions;
import io.workspacebackend.testing.RunningBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The example program, run as its users run it (its own JVM), against a real backend. */
@Timeout(300)
class WorkspaceClientExampleTest {
  @RegisterExtension
  static RunningBackend backend = new RunningBackend().with("sessions.startup_timeout", "180s");

  @Test
  void registersStartsASessionRunsACommandInItsTerminalAndDeletesIt() throws Exception {
    Accounts accounts = new Accounts(backend);
    String username = Accounts.uniqueName("java-client");
    ProcessBuilder program =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                WorkspaceClientExample.class.getName(),
                backend.server().baseUri().toString(),
                username,
                accounts.inviteCode(Role.USER, 1))
            .redirectErrorStream(true);
    program.environment().put("WORKSPACE_PASSWORD", Accounts.PASSWORD);

    Process process = program.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();

    assertThat(exit).as(output).isZero();
    assertThat(output)
        .contains("signed in as " + username + " (user)")
        .containsPattern("session [0-9a-f-]{36} is running in /")
        .contains("terminal: dev says 42")
        .containsPattern("deleted session [0-9a-f-]{36}");
    SignedIn signedIn = accounts.login(username, Accounts.PASSWORD);
    List<Session> left =
        accounts
            .as(signedIn.token())
            .get()
            .uri("/api/sessions")
            .exchange()
            .expectBodyList(Session.class)
            .returnResult()
            .getResponseBody();
    assertThat(left).isEmpty();
  }

  /** If the program failed half-way, its session is still there. */
  @AfterEach
  void noSessionIsLeftBehind() {
    LeftoverSessions.deleteAll(backend);
  }
}
