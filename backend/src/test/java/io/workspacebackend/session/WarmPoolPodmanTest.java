package io.workspacebackend.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.session.CreateSessionRequest;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.proxy.TtydClient;
import io.workspacebackend.sessionimage.Engine;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import io.workspacebackend.testing.SessionClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;

/** A warm slot on rootful Podman: claimed, running at once, in the user's new directory. */
@Timeout(600)
class WarmPoolPodmanTest {
  private static final DockerClient podman = Engine.PODMAN.client();

  @RegisterExtension
  static RunningBackend backend =
      new RunningBackend()
          .with("container.runtime", "podman")
          .with("sessions.warm_pool", "1")
          .with("sessions.startup_timeout", "180s")
          .beforeStart(() -> Engine.PODMAN.provideImage(podman));

  private final WarmSlotsSeen slots = new WarmSlotsSeen(backend, podman);

  @AfterAll
  static void removeLeftovers() throws Exception {
    backend.stop();
    new WarmSlotsSeen(backend, podman).removeLeftovers();
    podman.close();
  }

  @Test
  void aClaimedSlotRunsInTheUsersNewDirectory() throws Exception {
    String waiting = slots.awaitReady(1).get(0).id();
    Accounts accounts = new Accounts(backend);
    SignedIn dave = accounts.register(Role.USER);
    SessionClient sessions = new SessionClient(accounts.as(dave.token()));

    Session session = sessions.create(new CreateSessionRequest("on-podman", null, null, null));

    assertThat(session.status()).isEqualTo(SessionStatus.RUNNING);
    assertThat(session.id().toString()).isEqualTo(waiting);
    assertThat(session.runtime()).contains("podman");
    Path workspace = Path.of(session.workspacePath());
    assertThat(workspace.getFileName().toString()).isEqualTo("on-podman");
    assertThat(workspace.getParent().getFileName().toString()).isEqualTo(dave.user().username());
    sessions
        .http()
        .put()
        .uri("/sessions/{id}/files/file?path=hello.txt", session.id())
        .bodyValue("through podman")
        .exchange()
        .expectStatus()
        .isCreated();
    assertThat(workspace.resolve("hello.txt")).hasContent("through podman");
    Files.writeString(workspace.resolve("from-host.txt"), "host");
    try (TtydClient terminal =
        new TtydClient(
            URI.create(
                "ws://127.0.0.1:"
                    + backend.server().port()
                    + "/sessions/"
                    + session.id()
                    + "/terminal"),
            Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + dave.token()))) {
      terminal.init(120, 40);
      terminal.type("echo \"seen: $(cat from-host.txt) $(cat hello.txt) in $(pwd)\"\r");
      terminal.awaitOutput("^seen: host through podman in /home/dev/workspace\\r?$", 30);
    }
    sessions
        .http()
        .get()
        .uri("/sessions/{id}/opencode/global/health", session.id())
        .exchange()
        .expectStatus()
        .isOk();

    slots.awaitReady(1);
    sessions.delete(session.id());
  }
}
