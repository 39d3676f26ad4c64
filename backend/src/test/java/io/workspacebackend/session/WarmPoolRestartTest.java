package io.workspacebackend.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.workspacebackend.container.ContainerRuntime;
import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.session.CreateSessionRequest;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.server.BackendServer;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import io.workspacebackend.testing.SessionClient;
import io.workspacebackend.testing.SessionImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A restart keeps the warm slots that are intact, replaces the others, removes slot containers and
 * directories that belong to nothing, and leaves claimed slots to their sessions.
 */
@Timeout(600)
class WarmPoolRestartTest {
  @RegisterExtension
  static RunningBackend backend =
      new RunningBackend().with("sessions.warm_pool", "2").with("sessions.startup_timeout", "180s");

  private static final DockerClient docker = SessionClient.docker();
  private final WarmSlotsSeen slots = new WarmSlotsSeen(backend, docker);

  @AfterAll
  static void removeLeftovers() throws Exception {
    backend.stop();
    new WarmSlotsSeen(backend, docker).removeLeftovers();
    docker.close();
  }

  @Test
  void aRestartKeepsIntactSlotsReplacesBrokenOnesAndRemovesWhatBelongsToNothing() throws Exception {
    slots.awaitReady(2);
    Accounts accounts = new Accounts(backend);
    SignedIn carol = accounts.register(Role.USER);
    SessionClient sessions = new SessionClient(accounts.as(carol.token()));
    Session claimed = sessions.create(new CreateSessionRequest("before", null, null, null));
    assertThat(claimed.status()).isEqualTo(SessionStatus.RUNNING);
    List<WarmSlotsSeen.Slot> before = slots.awaitReady(2);
    WarmSlotsSeen.Slot kept = before.get(0);
    WarmSlotsSeen.Slot broken = before.get(1);

    backend.stop();
    docker.removeContainerCmd(broken.containerId()).withForce(true).exec();
    String orphan = orphanSlotContainer();
    Path warm = backend.config().paths().workspaceRoot().toRealPath().resolve(".warm");
    Path stray = Files.createDirectories(warm.resolve(UUID.randomUUID().toString()));
    Files.writeString(stray.resolve("left.txt"), "left behind");
    backend.start();

    List<WarmSlotsSeen.Slot> after = slots.awaitReady(2);
    assertThat(after).extracting(WarmSlotsSeen.Slot::id).contains(kept.id());
    assertThat(after).extracting(WarmSlotsSeen.Slot::id).doesNotContain(broken.id());
    assertThat(after)
        .filteredOn(slot -> slot.id().equals(kept.id()))
        .extracting(WarmSlotsSeen.Slot::containerId)
        .containsExactly(kept.containerId());
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                docker
                    .listContainersCmd()
                    .withShowAll(true)
                    .withIdFilter(List.of(orphan))
                    .exec()
                    .isEmpty());
    assertThat(stray).doesNotExist();
    assertThat(Path.of(broken.directory())).doesNotExist();
    assertThat(warm.resolve(kept.id())).isDirectory();

    SessionClient again = new SessionClient(accounts.as(carol.token()));
    // The claimed session was adopted as a session, its container untouched.
    Session adopted = again.get(claimed.id());
    assertThat(adopted.status()).isEqualTo(SessionStatus.RUNNING);
    assertThat(adopted.containerId()).isEqualTo(claimed.containerId());
    again
        .http()
        .put()
        .uri("/sessions/{id}/files/file?path=after-restart.txt", claimed.id())
        .bodyValue("still mine")
        .exchange()
        .expectStatus()
        .isCreated();
    assertThat(Path.of(claimed.workspacePath()).resolve("after-restart.txt"))
        .hasContent("still mine");

    // The kept slot is claimed first, and works.
    Session next = again.create(new CreateSessionRequest("after", null, null, null));
    assertThat(next.status()).isEqualTo(SessionStatus.RUNNING);
    assertThat(next.id().toString()).isEqualTo(kept.id());
    again
        .http()
        .put()
        .uri("/sessions/{id}/files/file?path=kept.txt", next.id())
        .bodyValue("kept slot")
        .exchange()
        .expectStatus()
        .isCreated();
    assertThat(Path.of(next.workspacePath()).resolve("kept.txt")).hasContent("kept slot");
    assertThat(Path.of(next.workspacePath()).getFileName().toString()).isEqualTo("after");

    again.delete(next.id());
    again.delete(claimed.id());
  }

  @Test
  void aRestartWithoutAPoolRemovesTheSlotsTheLastRunLeft() throws Exception {
    List<WarmSlotsSeen.Slot> left = slots.awaitReady(2);
    Path warm = backend.config().paths().workspaceRoot().toRealPath().resolve(".warm");

    backend.stop();
    try (BackendServer withoutPool =
        BackendServer.start(
            backend
                .home()
                .config(
                    Map.of(
                        "server.port", "0",
                        "container.runtime", "docker",
                        "sessions.warm_pool", "0")))) {
      Awaitility.await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> slots.all().isEmpty() && slots.containers().isEmpty());
      try (var entries = Files.list(warm)) {
        assertThat(entries.toList()).isEmpty();
      }
      for (WarmSlotsSeen.Slot slot : left) {
        assertThat(docker.listNetworksCmd().withNameFilter("workspace-session-" + slot.id()).exec())
            .isEmpty();
      }
    } finally {
      backend.start();
    }
    slots.awaitReady(2);
  }

  /** A running container labelled as one of this backend's warm slots, of no slot at all. */
  private String orphanSlotContainer() {
    String id =
        docker
            .createContainerCmd(SessionImage.TAG)
            .withEntrypoint("sleep", "300")
            .withLabels(
                Map.of(
                    ContainerRuntime.MANAGED_LABEL,
                    "true",
                    InstanceLabel.KEY,
                    new InstanceLabel(backend.config()).value(),
                    WarmSlots.LABEL,
                    "true",
                    ContainerRuntime.SESSION_LABEL,
                    UUID.randomUUID().toString()))
            .exec()
            .getId();
    docker.startContainerCmd(id).exec();
    return id;
  }
}
