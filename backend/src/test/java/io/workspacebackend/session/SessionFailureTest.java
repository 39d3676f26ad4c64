package io.workspacebackend.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import io.workspacebackend.testing.SessionClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;

/**
 * A session that ends, because its container died or because it was deleted, says so promptly on
 * the event stream.
 */
@Timeout(300)
class SessionFailureTest {
  @RegisterExtension
  static RunningBackend backend = new RunningBackend().with("sessions.startup_timeout", "180s");

  private static final DockerClient docker = SessionClient.docker();

  @AfterAll
  static void closeDocker() throws Exception {
    docker.close();
  }

  @Test
  void killingTheContainerFailsTheSessionWithItsExitCodeOnTheEventStream() {
    Accounts accounts = new Accounts(backend);
    SessionClient sessions = new SessionClient(accounts.as(accounts.register(Role.USER).token()));
    Session running =
        sessions.await(
            sessions.create("doomed").id(), SessionStatus.RUNNING, Duration.ofMinutes(3));
    List<Session> seen = new CopyOnWriteArrayList<>();
    // When the failure arrived, taken as it arrives: polling would add its own delay.
    java.util.concurrent.atomic.AtomicLong failedAt = new java.util.concurrent.atomic.AtomicLong();
    Disposable events =
        sessions
            .http()
            .get()
            .uri("/api/events")
            .accept(MediaType.TEXT_EVENT_STREAM)
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(new ParameterizedTypeReference<ServerSentEvent<Session>>() {})
            .getResponseBody()
            .filter(event -> event.data() != null)
            .subscribe(
                event -> {
                  if (event.data().status() == SessionStatus.FAILED) {
                    failedAt.compareAndSet(0, System.nanoTime());
                  }
                  seen.add(event.data());
                });
    try {
      // The subscription is live once the stream answered; give the engine the kill now.
      long killedAt = System.nanoTime();
      docker.killContainerCmd(running.containerId()).exec();

      // Generous for a loaded machine; the latency is printed, measured as it arrives.
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(20))
          .until(
              () ->
                  seen.stream()
                      .anyMatch(
                          s -> s.id().equals(running.id()) && s.status() == SessionStatus.FAILED));
      Duration took = Duration.ofNanos(failedAt.get() - killedAt);

      Session failed =
          seen.stream().filter(s -> s.status() == SessionStatus.FAILED).findFirst().orElseThrow();
      assertThat(failed.exitCode()).isEqualTo(137);
      assertThat(failed.errorMessage()).isEqualTo("the container exited with code 137");
      assertThat(failed.stoppedAt()).isNotNull();
      System.out.println("kill to failed event: " + took.toMillis() + " ms");
      assertThat(sessions.get(running.id()).status()).isEqualTo(SessionStatus.FAILED);
    } finally {
      events.dispose();
      sessions.delete(running.id());
    }
  }

  @Test
  void aServiceKilledFromInsideTheSessionIsNotTakenForTheOomKiller() throws Exception {
    Accounts accounts = new Accounts(backend);
    SessionClient sessions = new SessionClient(accounts.as(accounts.register(Role.USER).token()));
    Session running =
        sessions.await(
            sessions.create("killed-inside").id(), SessionStatus.RUNNING, Duration.ofMinutes(3));
    try {
      // What the session's own user can do from its terminal: SIGKILL one of its services.
      ExecCreateCmdResponse exec =
          docker
              .execCreateCmd(running.containerId())
              .withUser("1000")
              .withCmd("pkill", "-KILL", "-f", "opencode serve")
              .exec();
      docker.execStartCmd(exec.getId()).start().awaitCompletion(30, TimeUnit.SECONDS);

      Session failed = sessions.await(running.id(), SessionStatus.FAILED, Duration.ofMinutes(1));
      assertThat(failed.errorMessage())
          .isEqualTo("the container exited with code 71")
          .doesNotContain("out of memory");
      assertThat(failed.exitCode()).isEqualTo(71);
    } finally {
      sessions.delete(running.id());
    }
  }

  @Test
  void anotherUsersSessionChangesAreNotOnMyEventStream() {
    Accounts accounts = new Accounts(backend);
    SessionClient mine = new SessionClient(accounts.as(accounts.register(Role.USER).token()));
    SessionClient theirs = new SessionClient(accounts.as(accounts.register(Role.USER).token()));
    List<Session> seen = new CopyOnWriteArrayList<>();
    Disposable events = subscribe(mine, seen);
    Session other = theirs.create("theirs");
    Session own = mine.create("mine");
    try {
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> seen.stream().anyMatch(s -> s.id().equals(own.id())));
      assertThat(seen).extracting(Session::id).doesNotContain(other.id());
    } finally {
      events.dispose();
      mine.delete(own.id());
      theirs.delete(other.id());
    }
  }

  @Test
  void deletingASessionAnnouncesItsDeletionAsItsLastEvent() {
    Accounts accounts = new Accounts(backend);
    SessionClient sessions = new SessionClient(accounts.as(accounts.register(Role.USER).token()));
    Session session = sessions.create("short-lived");
    List<ServerSentEvent<String>> seen = new CopyOnWriteArrayList<>();
    Disposable events =
        sessions
            .http()
            .get()
            .uri("/api/events")
            .accept(MediaType.TEXT_EVENT_STREAM)
            .exchange()
            .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
            .getResponseBody()
            .filter(event -> event.data() != null)
            .subscribe(seen::add);
    try {
      sessions.delete(session.id());

      String deleted = "{\"session_id\":\"" + session.id() + "\"}";
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> seen.stream().anyMatch(event -> deleted.equals(event.data())));
      ServerSentEvent<String> last = seen.get(seen.size() - 1);
      assertThat(last.event()).isEqualTo("deleted");
      assertThat(seen)
          .filteredOn(event -> "session".equals(event.event()))
          .extracting(ServerSentEvent::data)
          .as("it was stopping, never stopped: stopped means kept")
          .noneMatch(data -> data.contains("\"status\":\"stopped\""));
    } finally {
      events.dispose();
    }
  }

  private static Disposable subscribe(SessionClient sessions, List<Session> seen) {
    return sessions
        .http()
        .get()
        .uri("/api/events")
        .accept(MediaType.TEXT_EVENT_STREAM)
        .exchange()
        .returnResult(new ParameterizedTypeReference<ServerSentEvent<Session>>() {})
        .getResponseBody()
        .filter(event -> event.data() != null)
        .subscribe(event -> seen.add(event.data()));
  }
}
