package io.workspacebackend.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.workspacebackend.container.ContainerRuntime;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.FollowedStream;
import io.workspacebackend.testing.RunningBackend;
import io.workspacebackend.testing.SessionClient;
import io.workspacebackend.testing.SessionImage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The database is the source of truth across restarts; the engine is reconciled with it. */
@Timeout(300)
class SessionRestartTest {
  @RegisterExtension
  static RunningBackend backend = new RunningBackend().with("sessions.startup_timeout", "180s");

  private static final DockerClient docker = SessionClient.docker();

  @AfterAll
  static void closeDocker() throws Exception {
    docker.close();
  }

  @Test
  void aRestartAdoptsRunningSessionsFailsVanishedOnesAndRemovesOnlyItsOwnOrphans()
      throws Exception {
    Accounts accounts = new Accounts(backend);
    String token = accounts.register(Role.USER).token();
    SessionClient sessions = new SessionClient(accounts.as(token));
    Session kept =
        sessions.await(sessions.create("kept").id(), SessionStatus.RUNNING, Duration.ofMinutes(3));
    Session vanished =
        sessions.await(
            sessions.create("vanished").id(), SessionStatus.RUNNING, Duration.ofMinutes(3));

    backend.stop();
    docker.removeContainerCmd(vanished.containerId()).withForce(true).exec();
    String orphan = labelledContainer(new InstanceLabel(backend.config()).value());
    String anotherInstances = labelledContainer("another-installation");
    backend.start();

    SessionClient after = new SessionClient(accounts.as(token));
    Session adopted = after.get(kept.id());
    assertThat(adopted.status()).isEqualTo(SessionStatus.RUNNING);
    assertThat(adopted.ports()).isEqualTo(kept.ports());
    assertThat(adopted.containerId()).isEqualTo(kept.containerId());
    Session failed = after.get(vanished.id());
    assertThat(failed.status()).isEqualTo(SessionStatus.FAILED);
    assertThat(failed.errorMessage()).isEqualTo("the container disappeared");
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                docker
                    .listContainersCmd()
                    .withShowAll(true)
                    .withIdFilter(List.of(orphan))
                    .exec()
                    .isEmpty());
    // Another backend sharing the engine keeps its containers.
    assertThat(docker.inspectContainerCmd(anotherInstances).exec().getState().getRunning())
        .isTrue();
    docker.removeContainerCmd(anotherInstances).withForce(true).exec();

    // A new session does not get the adopted one's ports.
    Session fresh = after.create("fresh");
    assertThat(fresh.ports().opencode())
        .isNotIn(kept.ports().opencode(), kept.ports().fileserver(), kept.ports().ttyd());
    after.delete(fresh.id());
    after.delete(kept.id());
    after.delete(vanished.id());
  }

  @Test
  void aContainerRestartedByHandIsAdoptedAndItsSessionRunsAgain() throws Exception {
    Accounts accounts = new Accounts(backend);
    String token = accounts.register(Role.USER).token();
    SessionClient sessions = new SessionClient(accounts.as(token));
    Session running =
        sessions.await(
            sessions.create("restarted").id(), SessionStatus.RUNNING, Duration.ofMinutes(3));
    URI events = URI.create("http://127.0.0.1:" + backend.server().port() + "/api/events");
    try (FollowedStream stream = FollowedStream.open(events, token)) {
      assertThat(stream.status(Duration.ofSeconds(30))).isEqualTo(200);

      long restarted = System.nanoTime();
      docker.restartContainerCmd(running.containerId()).exec();

      String session = "\"id\":\"" + running.id() + "\"";
      stream.awaitLine(session + ".*\"status\":\"failed\"", Duration.ofMinutes(1));
      int failedAt = indexOf(stream, session + ".*\"status\":\"failed\"");
      Awaitility.await()
          .atMost(Duration.ofMinutes(3))
          .until(() -> indexOf(stream, session + ".*\"status\":\"running\"", failedAt + 1) >= 0);
      System.out.println(
          "docker restart to running again: "
              + Duration.ofNanos(System.nanoTime() - restarted).toMillis()
              + " ms");
    }
    Session adopted = sessions.get(running.id());
    assertThat(adopted.status()).isEqualTo(SessionStatus.RUNNING);
    assertThat(adopted.errorMessage()).isNull();
    assertThat(adopted.containerId()).isEqualTo(running.containerId());
    sessions
        .http()
        .get()
        .uri("/sessions/" + running.id() + "/files/tree?path=.")
        .exchange()
        .expectBody(String.class)
        .value(body -> assertThat(body).contains("\"type\":\"dir\""));
    sessions.delete(running.id());
  }

  @Test
  void aLaunchCutShortBetweenCreateAndStoringTheContainerIsCleanedUpAtStartup() throws Exception {
    Accounts accounts = new Accounts(backend);
    String token = accounts.register(Role.USER).token();
    SessionClient sessions = new SessionClient(accounts.as(token));
    Session session =
        sessions.await(sessions.create("cut").id(), SessionStatus.RUNNING, Duration.ofMinutes(3));

    // What a kill -9 right after the engine created the container leaves behind: the session
    // starting with no container stored, and a created, never started container with its label.
    backend.stop();
    docker.removeContainerCmd(session.containerId()).withForce(true).exec();
    accounts
        .database()
        .jdbc()
        .sql("UPDATE sessions SET status = 'starting', container_id = NULL WHERE id = :id")
        .param("id", session.id().toString())
        .update();
    String created =
        docker
            .createContainerCmd(SessionImage.TAG)
            .withLabels(
                Map.of(
                    ContainerRuntime.MANAGED_LABEL,
                    "true",
                    InstanceLabel.KEY,
                    new InstanceLabel(backend.config()).value(),
                    ContainerRuntime.SESSION_LABEL,
                    session.id().toString()))
            .exec()
            .getId();
    backend.start();

    SessionClient after = new SessionClient(accounts.as(token));
    Session failed = after.await(session.id(), SessionStatus.FAILED, Duration.ofMinutes(1));
    assertThat(failed.errorMessage())
        .isEqualTo("the server stopped while the session was starting");
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                docker
                    .listContainersCmd()
                    .withShowAll(true)
                    .withIdFilter(List.of(created))
                    .exec()
                    .isEmpty());
    after.delete(session.id());
  }

  private static int indexOf(FollowedStream stream, String regex) {
    return indexOf(stream, regex, 0);
  }

  private static int indexOf(FollowedStream stream, String regex, int from) {
    Pattern pattern = Pattern.compile(regex);
    List<String> lines = stream.lines();
    for (int i = from; i < lines.size(); i++) {
      if (pattern.matcher(lines.get(i)).find()) {
        return i;
      }
    }
    return -1;
  }

  /** A container with our labels, of the given installation, whose session nobody knows. */
  private static String labelledContainer(String instance) {
    String id =
        docker
            .createContainerCmd(SessionImage.TAG)
            .withEntrypoint("sleep", "300")
            .withLabels(
                Map.of(
                    ContainerRuntime.MANAGED_LABEL,
                    "true",
                    InstanceLabel.KEY,
                    instance,
                    ContainerRuntime.SESSION_LABEL,
                    UUID.randomUUID().toString()))
            .exec()
            .getId();
    docker.startContainerCmd(id).exec();
    return id;
  }
}
