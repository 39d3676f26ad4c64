package io.workspacebackend.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.workspacebackend.model.session.CreateSessionRequest;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import io.workspacebackend.testing.SessionClient;
import io.workspacebackend.testing.SocketRelay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;

/**
 * The engine goes away while the server runs, and comes back: requests fail fast and clearly, never
 * hang; once it is back, the server is healthy again and sessions are in line with what happened to
 * their containers meanwhile.
 */
@Timeout(300)
class RuntimeOutageTest {
  private static final Path ENGINE = Path.of("/var/run/docker.sock");
  private static final Path RELAY = relayPath();
  private static SocketRelay relay = relay();

  @RegisterExtension
  static RunningBackend backend =
      new RunningBackend()
          .with("container.socket", RELAY.toString())
          .with("sessions.startup_timeout", "180s");

  @AfterAll
  static void closeRelay() throws Exception {
    relay.close();
  }

  /** Each test begins with the engine reachable, as the server sees it. */
  @BeforeEach
  void engineUp() throws Exception {
    relay.close();
    relay = relay();
    awaitHealth(200);
  }

  @Test
  void whenTheEngineComesBackTheServerRecoversAndSessionsFollowTheirContainers() throws Exception {
    Accounts accounts = new Accounts(backend);
    SessionClient sessions = new SessionClient(accounts.as(accounts.register(Role.USER).token()));
    Session running =
        sessions.await(
            sessions.create("through-outage").id(), SessionStatus.RUNNING, Duration.ofMinutes(3));

    relay.close();
    // While the server cannot see it, the session's container dies.
    try (DockerClient docker = SessionClient.docker()) {
      docker.killContainerCmd(running.containerId()).exec();
    }
    awaitHealth(503);

    long back = System.nanoTime();
    relay = relay();
    awaitHealth(200);
    Session failed = sessions.await(running.id(), SessionStatus.FAILED, Duration.ofMinutes(1));
    System.out.println(
        "engine back to session failed: "
            + Duration.ofNanos(System.nanoTime() - back).toMillis()
            + " ms");
    assertThat(failed.errorMessage()).isEqualTo("the container exited with code 137");

    Session next =
        sessions.await(
            sessions.create("after-outage").id(), SessionStatus.RUNNING, Duration.ofMinutes(3));
    sessions.delete(next.id());
    sessions.delete(running.id());
  }

  private static void awaitHealth(int status) {
    Awaitility.await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                backend
                        .client()
                        .get()
                        .uri("/api/health")
                        .exchange()
                        .returnResult(String.class)
                        .getStatus()
                        .value()
                    == status);
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
        // An image never used here, so not known to be present: the server must ask the engine.
        .bodyValue(new CreateSessionRequest("outage", "opencode-dev:never-used", null, null))
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

  /** A relay to the engine at the same path each time, as a restarted engine would be. */
  private static SocketRelay relay() {
    try {
      return SocketRelay.to(ENGINE, RELAY);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path relayPath() {
    try {
      return Files.createTempDirectory("relay").resolve("engine.sock");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
