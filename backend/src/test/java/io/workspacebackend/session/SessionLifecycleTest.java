package io.workspacebackend.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Ports;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStats;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import io.workspacebackend.testing.SessionClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A session's whole life on the real Docker engine with the real session image. */
@Timeout(300)
class SessionLifecycleTest {
  @RegisterExtension
  static RunningBackend backend = new RunningBackend().with("sessions.startup_timeout", "180s");

  private static final DockerClient docker = SessionClient.docker();
  private static final Duration STARTUP = Duration.ofMinutes(3);
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @AfterAll
  static void closeDocker() throws Exception {
    docker.close();
  }

  @Test
  void deletingOneSessionSeveralTimesAtOnceNeverFails() throws Exception {
    Accounts accounts = new Accounts(backend);
    SessionClient sessions = new SessionClient(accounts.as(accounts.register(Role.USER).token()));
    Session running =
        sessions.await(sessions.create("double-click").id(), SessionStatus.RUNNING, STARTUP);

    ExecutorService clients = Executors.newFixedThreadPool(5);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        answers.add(
            clients.submit(
                () ->
                    sessions
                        .http()
                        .mutate()
                        .responseTimeout(Duration.ofMinutes(1))
                        .build()
                        .delete()
                        .uri("/api/sessions/" + running.id())
                        .exchange()
                        .returnResult(String.class)
                        .getStatus()
                        .value()));
      }
      for (Future<Integer> answer : answers) {
        assertThat(answer.get(2, TimeUnit.MINUTES)).isIn(204, 404);
      }
    } finally {
      clients.shutdown();
    }
    sessions
        .http()
        .get()
        .uri("/api/sessions/" + running.id())
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void aCreatedSessionRunsItsServicesBehindItsSecretAndDeletingItRemovesTheContainer()
      throws Exception {
    SessionClient sessions =
        new SessionClient(
            new Accounts(backend).as(new Accounts(backend).register(Role.USER).token()));

    Session created = sessions.create("lifecycle");
    assertThat(created.status()).isIn(SessionStatus.PENDING, SessionStatus.STARTING);
    assertThat(created.urls().terminal()).isEqualTo("/sessions/" + created.id() + "/terminal");

    Session running = sessions.await(created.id(), SessionStatus.RUNNING, STARTUP);
    String secret = SessionClient.secretOf(docker, running);
    assertThat(status(running.ports().opencode(), "/global/health", basic("opencode", secret)))
        .isEqualTo(200);
    assertThat(status(running.ports().fileserver(), "/tree?path=.", "Bearer " + secret))
        .isEqualTo(200);
    assertThat(status(running.ports().ttyd(), "/", basic("dev", secret))).isEqualTo(200);
    assertThat(status(running.ports().fileserver(), "/tree?path=.", "Bearer wrong")).isEqualTo(401);
    assertThat(running.startedAt()).isAfterOrEqualTo(running.createdAt());

    InspectContainerResponse container = docker.inspectContainerCmd(running.containerId()).exec();
    assertThat(container.getHostConfig().getSecurityOpts()).contains("no-new-privileges");
    assertThat(container.getHostConfig().getCapDrop()).extracting(Object::toString).contains("ALL");
    assertThat(container.getHostConfig().getMemory()).isEqualTo(2L * 1024 * 1024 * 1024);
    assertThat(container.getHostConfig().getPidsLimit()).isEqualTo(512L);
    assertThat(container.getConfig().getUser()).isEqualTo("1000:1000");
    for (Ports.Binding[] bindings :
        container.getNetworkSettings().getPorts().getBindings().values()) {
      assertThat(bindings)
          .allSatisfy(binding -> assertThat(binding.getHostIp()).isEqualTo("127.0.0.1"));
    }
    Path workspace = Path.of(running.workspacePath());
    assertThat(Files.getAttribute(workspace, "unix:uid")).isEqualTo(1000);

    SessionStats stats =
        sessions
            .http()
            .get()
            .uri("/api/sessions/" + running.id() + "/stats")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(SessionStats.class)
            .returnResult()
            .getResponseBody();
    assertThat(stats.memoryBytes()).isPositive();
    assertThat(stats.memoryLimitBytes()).isEqualTo(2L * 1024 * 1024 * 1024);
    assertThat(stats.pids()).isPositive();
    String logs =
        sessions
            .http()
            .get()
            .uri("/api/sessions/" + running.id() + "/logs?tail=100")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(logs).contains("opencode server listening");

    sessions.delete(running.id());

    assertThatThrownBy(() -> docker.inspectContainerCmd(running.containerId()).exec())
        .isInstanceOf(NotFoundException.class);
    sessions
        .http()
        .get()
        .uri("/api/sessions/" + running.id())
        .exchange()
        .expectStatus()
        .isNotFound();
    assertThat(
            sessions
                .http()
                .get()
                .uri("/api/sessions")
                .exchange()
                .expectBodyList(Session.class)
                .returnResult()
                .getResponseBody())
        .isEmpty();
    assertThat(workspace).isDirectory();
    assertThat(PortLeases.bindable(running.ports().opencode())).isTrue();
  }

  @Test
  void anotherUsersSessionIsNotFoundAndAnAdminSeesAll() {
    Accounts accounts = new Accounts(backend);
    SessionClient owner = new SessionClient(accounts.as(accounts.register(Role.USER).token()));
    SessionClient stranger = new SessionClient(accounts.as(accounts.register(Role.USER).token()));
    SessionClient admin = new SessionClient(accounts.as(accounts.register(Role.ADMIN).token()));
    Session session = owner.create("private");

    try {
      stranger
          .http()
          .get()
          .uri("/api/sessions/" + session.id())
          .exchange()
          .expectStatus()
          .isNotFound();
      stranger
          .http()
          .delete()
          .uri("/api/sessions/" + session.id())
          .exchange()
          .expectStatus()
          .isNotFound();
      stranger
          .http()
          .get()
          .uri("/api/sessions/" + session.id() + "/logs")
          .exchange()
          .expectStatus()
          .isNotFound();
      assertThat(
              stranger
                  .http()
                  .get()
                  .uri("/api/sessions?all=true")
                  .exchange()
                  .expectBodyList(Session.class)
                  .returnResult()
                  .getResponseBody())
          .isEmpty();
      List<Session> all =
          admin
              .http()
              .get()
              .uri("/api/sessions?all=true")
              .exchange()
              .expectBodyList(Session.class)
              .returnResult()
              .getResponseBody();
      assertThat(all).extracting(Session::id).contains(session.id());
    } finally {
      owner.delete(session.id());
    }
  }

  @Test
  void deletingAStartingSessionLeavesNoContainerBehind() {
    Accounts accounts = new Accounts(backend);
    SessionClient sessions = new SessionClient(accounts.as(accounts.register(Role.USER).token()));

    Session session = sessions.create("short-lived");
    sessions.delete(session.id());

    assertThat(
            docker
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(
                    java.util.Map.of("io.workspace-backend.session", session.id().toString()))
                .exec())
        .isEmpty();
  }

  private int status(int port, String path, String authorization) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", authorization)
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
