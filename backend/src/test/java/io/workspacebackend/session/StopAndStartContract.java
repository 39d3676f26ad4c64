package io.workspacebackend.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.workspacebackend.container.ContainerRuntime;
import io.workspacebackend.model.session.CreateSessionRequest;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.session.StartupStep;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.FollowedStream;
import io.workspacebackend.testing.RunningBackend;
import io.workspacebackend.testing.SessionClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Stop and start as a user does them, on a real engine with the real session image: the workspace,
 * env and resources survive a stop; the container, the ports and the secret do not.
 */
abstract class StopAndStartContract {
  private static final Duration STARTUP = Duration.ofMinutes(3);

  /** A backend on the engine under test, with {@code sessions.max_per_user} 2. */
  abstract RunningBackend backend();

  /** The engine under test, to look at containers from the outside. */
  abstract DockerClient engine();

  @Test
  void aStoppedSessionKeepsItsWorkspaceAndSettingsAndStartsAgainBehindANewSecret()
      throws Exception {
    Accounts accounts = new Accounts(backend());
    DockerClient docker = engine();
    String token = accounts.register(Role.USER).token();
    SessionClient sessions = new SessionClient(accounts.as(token));
    try (FollowedStream events = FollowedStream.open(eventsUri(), token)) {
      assertThat(events.status(Duration.ofSeconds(30))).isEqualTo(200);
      Session created =
          sessions.create(
              new CreateSessionRequest("resumable", null, null, Map.of("GREETING", "hello")));
      Session running = sessions.await(created.id(), SessionStatus.RUNNING, STARTUP);
      assertThat(progressSteps(events, created))
          .as("each step of the start is reported, the services' readiness last")
          .containsExactlyInAnyOrder(StartupStep.values())
          .startsWith(StartupStep.NETWORK);
      putFile(sessions, created, "kept.txt", "still here");
      String firstSecret = SessionClient.secretOf(docker, running);

      Session stopping = sessions.stop(created.id());
      assertThat(stopping.status()).isIn(SessionStatus.STOPPING, SessionStatus.STOPPED);
      Session stopped = sessions.await(created.id(), SessionStatus.STOPPED, Duration.ofMinutes(1));

      assertThat(stopped.stopReason()).isEqualTo("stopped by its owner");
      assertThat(stopped.stoppedAt()).isNotNull();
      assertThat(stopped.ports()).as("released ports may be another session's now").isNull();
      assertThat(stopped.containerId()).isNull();
      assertThat(
              sessions
                  .http()
                  .get()
                  .uri("/api/sessions/" + created.id() + "/logs")
                  .exchange()
                  .expectStatus()
                  .isOk()
                  .expectBody(String.class)
                  .returnResult()
                  .getResponseBody())
          .as("a stopped session has no output")
          .isNullOrEmpty();
      sessions
          .http()
          .get()
          .uri("/api/sessions/" + created.id() + "/open?service=files")
          .exchange()
          .expectStatus()
          .isEqualTo(409);
      assertThatThrownBy(() -> docker.inspectContainerCmd(running.containerId()).exec())
          .as("the container is gone")
          .isInstanceOf(NotFoundException.class);
      assertThat(labelled(docker, created)).as("nothing of it is left on the engine").isEmpty();
      assertThat(Files.readString(Path.of(stopped.workspacePath()).resolve("kept.txt")))
          .isEqualTo("still here");
      sessions
          .http()
          .get()
          .uri("/sessions/" + created.id() + "/files/file?path=kept.txt")
          .exchange()
          .expectStatus()
          .isEqualTo(409)
          .expectBody()
          .jsonPath("$.session_status")
          .isEqualTo("stopped")
          .jsonPath("$.detail")
          .value(detail -> assertThat((String) detail).contains("/start"));
      assertThat(sessions.stop(created.id()).status())
          .as("stopping a stopped session changes nothing")
          .isEqualTo(SessionStatus.STOPPED);

      Session starting = sessions.start(created.id());
      assertThat(starting.status()).isIn(SessionStatus.STARTING, SessionStatus.RUNNING);
      Session again = sessions.await(created.id(), SessionStatus.RUNNING, STARTUP);

      assertThat(again.workspacePath()).isEqualTo(running.workspacePath());
      assertThat(again.stopReason()).isNull();
      assertThat(again.containerId()).isNotEqualTo(running.containerId());
      assertThat(SessionClient.secretOf(docker, again)).isNotEqualTo(firstSecret);
      String[] env = docker.inspectContainerCmd(again.containerId()).exec().getConfig().getEnv();
      assertThat(Arrays.asList(env)).contains("GREETING=hello");
      assertThat(docker.inspectContainerCmd(again.containerId()).exec().getHostConfig().getMemory())
          .isEqualTo(2L * 1024 * 1024 * 1024);
      assertThat(getFile(sessions, created, "kept.txt")).isEqualTo("still here");

      sessions.delete(created.id());
      String deleted =
          events.awaitLine(
              "^data:\\{\"session_id\":\"" + created.id() + "\"\\}$", Duration.ofMinutes(1));
      List<String> lines = events.lines();
      int deletedAt = lines.lastIndexOf(deleted);
      assertThat(lines.get(deletedAt - 1)).isEqualTo("event:deleted");
      assertThat(lines.subList(0, deletedAt))
          .as("the deletion is announced once")
          .doesNotContain(deleted);
    }
  }

  @Test
  void startingASessionAgainCountsAgainstItsUsersLimitAndTwoStartsMakeOneContainer()
      throws Exception {
    Accounts accounts = new Accounts(backend());
    DockerClient docker = engine();
    SessionClient sessions = new SessionClient(accounts.as(accounts.register(Role.USER).token()));
    Session first = sessions.await(sessions.create("first").id(), SessionStatus.RUNNING, STARTUP);
    sessions.stop(first.id());
    sessions.await(first.id(), SessionStatus.STOPPED, Duration.ofMinutes(1));
    Session second = sessions.create("second");
    Session third = sessions.create("third");

    sessions
        .http()
        .post()
        .uri("/api/sessions/" + first.id() + "/start")
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.limit")
        .isEqualTo("sessions");
    assertThat(sessions.get(first.id()).status()).isEqualTo(SessionStatus.STOPPED);

    sessions.delete(third.id());
    List<CompletableFuture<Integer>> starts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      starts.add(
          CompletableFuture.supplyAsync(
              () ->
                  sessions
                      .http()
                      .post()
                      .uri("/api/sessions/" + first.id() + "/start")
                      .exchange()
                      .returnResult(String.class)
                      .getStatus()
                      .value()));
    }
    for (CompletableFuture<Integer> start : starts) {
      assertThat(start.get()).isEqualTo(202);
    }
    sessions.await(first.id(), SessionStatus.RUNNING, STARTUP);
    assertThat(labelled(docker, first)).as("one container for the session").hasSize(1);

    sessions.delete(first.id());
    sessions.delete(second.id());
  }

  @Test
  void aRestartKeepsAStoppedSessionStopped() throws Exception {
    Accounts accounts = new Accounts(backend());
    DockerClient docker = engine();
    String token = accounts.register(Role.USER).token();
    SessionClient sessions = new SessionClient(accounts.as(token));
    Session session = sessions.await(sessions.create("kept").id(), SessionStatus.RUNNING, STARTUP);
    sessions.stop(session.id());
    sessions.await(session.id(), SessionStatus.STOPPED, Duration.ofMinutes(1));

    backend().stop();
    backend().start();

    SessionClient after = new SessionClient(accounts.as(token));
    assertThat(after.get(session.id()).status()).isEqualTo(SessionStatus.STOPPED);
    assertThat(labelled(docker, session)).isEmpty();
    after.start(session.id());
    after.await(session.id(), SessionStatus.RUNNING, STARTUP);
    after.delete(session.id());
  }

  private static List<StartupStep> progressSteps(FollowedStream events, Session session) {
    Pattern step =
        Pattern.compile(
            "\"session_id\":\"" + session.id() + "\",\"step\":\"([a-z_]+)\"", Pattern.MULTILINE);
    List<StartupStep> steps = new ArrayList<>();
    for (String line : events.lines()) {
      Matcher matcher = step.matcher(line);
      if (matcher.find()) {
        steps.add(StartupStep.valueOf(matcher.group(1).toUpperCase(java.util.Locale.ROOT)));
      }
    }
    return steps;
  }

  private static List<?> labelled(DockerClient docker, Session session) {
    return docker
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(ContainerRuntime.SESSION_LABEL, session.id().toString()))
        .exec();
  }

  private static void putFile(SessionClient sessions, Session session, String path, String text) {
    sessions
        .http()
        .put()
        .uri("/sessions/" + session.id() + "/files/file?path=" + path)
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .bodyValue(text)
        .exchange()
        .expectStatus()
        .is2xxSuccessful();
  }

  private static String getFile(SessionClient sessions, Session session, String path) {
    return sessions
        .http()
        .get()
        .uri("/sessions/" + session.id() + "/files/file?path=" + path)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  private URI eventsUri() {
    return URI.create("http://127.0.0.1:" + backend().server().port() + "/api/events");
  }
}
