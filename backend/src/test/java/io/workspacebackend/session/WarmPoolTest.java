package io.workspacebackend.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import io.workspacebackend.container.ContainerRuntime;
import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.session.CreateSessionRequest;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionPorts;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.proxy.TtydClient;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import io.workspacebackend.testing.SessionClient;
import io.workspacebackend.testing.SessionImage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;

/**
 * Creating a session with the defaults takes a warm slot and is running at once, in the user's new
 * directory, on the real Docker engine with the real session image; any other request starts a
 * container of its own, and no two requests ever share a slot.
 */
@Timeout(600)
class WarmPoolTest {
  private static final int POOL = 2;

  @RegisterExtension
  static RunningBackend backend =
      new RunningBackend()
          .with("sessions.warm_pool", Integer.toString(POOL))
          .with("sessions.startup_timeout", "180s");

  private static final DockerClient docker = SessionClient.docker();
  private static final Duration STARTUP = Duration.ofMinutes(3);
  private final WarmSlotsSeen slots = new WarmSlotsSeen(backend, docker);

  @AfterAll
  static void removeLeftovers() throws Exception {
    backend.stop();
    new WarmSlotsSeen(backend, docker).removeLeftovers();
    docker.close();
  }

  @Test
  void aRequestForTheDefaultsIsRunningAtOnceOnAWarmSlotInTheUsersNewDirectory() throws Exception {
    Set<String> waiting = ids(slots.awaitReady(POOL));
    Accounts accounts = new Accounts(backend);
    SignedIn alice = accounts.register(Role.USER);
    SessionClient sessions = new SessionClient(accounts.as(alice.token()));

    long posted = System.nanoTime();
    Session session = sessions.create(new CreateSessionRequest(null, null, null, null));
    long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - posted);
    System.out.println("POST of a session on a warm slot answered running in " + took + " ms");

    assertThat(session.status()).isEqualTo(SessionStatus.RUNNING);
    assertThat(session.startedAt()).isNotNull();
    assertThat(waiting).contains(session.id().toString());
    Path workspace =
        backend
            .config()
            .paths()
            .workspaceRoot()
            .toRealPath()
            .resolve(alice.user().username())
            .resolve("session-" + session.id().toString().substring(0, 8));
    assertThat(session.workspacePath()).isEqualTo(workspace.toString());
    assertThat(workspace).isDirectory().isEmptyDirectory();
    assertThat(Files.getAttribute(workspace, "unix:uid")).isEqualTo(1000);
    assertThat(session.containerName()).isEqualTo("workspace-session-" + session.id());
    InspectContainerResponse container = docker.inspectContainerCmd(session.containerId()).exec();
    assertThat(container.getConfig().getLabels())
        .containsEntry(ContainerRuntime.SESSION_LABEL, session.id().toString())
        .containsEntry(WarmSlots.LABEL, "true");
    assertThat(container.getHostConfig().getSecurityOpts()).contains("no-new-privileges");
    assertThat(container.getHostConfig().getReadonlyRootfs()).isTrue();

    // The file server writes into the user's directory on the host ...
    sessions
        .http()
        .put()
        .uri("/sessions/{id}/files/file?path=hello.txt", session.id())
        .bodyValue("written through the proxy")
        .exchange()
        .expectStatus()
        .isCreated();
    assertThat(workspace.resolve("hello.txt")).hasContent("written through the proxy");
    // ... and what the host writes there is what the session sees.
    Files.writeString(workspace.resolve("from-host.txt"), "on the host");
    sessions
        .http()
        .get()
        .uri("/sessions/{id}/files/file?path=from-host.txt", session.id())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .isEqualTo("on the host");
    sessions
        .http()
        .get()
        .uri("/sessions/{id}/opencode/global/health", session.id())
        .exchange()
        .expectStatus()
        .isOk();
    // opencode, started before the claim, finds files in the directory it now has.
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                sessions
                    .http()
                    .get()
                    .uri("/sessions/{id}/opencode/find/file?query=from-host", session.id())
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .value(found -> assertThat(found).contains("from-host.txt")));
    try (TtydClient terminal =
        new TtydClient(
            URI.create(
                "ws://127.0.0.1:"
                    + backend.server().port()
                    + "/sessions/"
                    + session.id()
                    + "/terminal"),
            Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + alice.token()))) {
      terminal.init(120, 40);
      terminal.type("echo \"seen: $(cat hello.txt) in $(pwd)\"\r");
      terminal.awaitOutput("^seen: written through the proxy in /home/dev/workspace\\r?$", 30);
    }

    // The pool fills again, with slots no one has; the session is alice's alone.
    Set<String> refilled = ids(slots.awaitReady(POOL));
    assertThat(refilled).doesNotContain(session.id().toString());
    SessionClient admin = new SessionClient(accounts.as(accounts.register(Role.ADMIN).token()));
    assertThat(admin.listAll())
        .extracting(s -> s.id().toString())
        .doesNotContainAnyElementsOf(refilled);
    assertThat(sessions.list()).extracting(Session::id).containsExactly(session.id());

    sessions.delete(session.id());
    assertThat(containerGone(session.containerId())).isTrue();
    assertThat(workspace.resolve("hello.txt")).hasContent("written through the proxy");
  }

  @Test
  void concurrentCreatesNeverShareASlot() throws Exception {
    Set<String> waiting = ids(slots.awaitReady(POOL));
    Accounts accounts = new Accounts(backend);
    int users = 5;
    List<SessionClient> clients = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      clients.add(new SessionClient(accounts.as(accounts.register(Role.USER).token())));
    }
    ExecutorService threads = Executors.newFixedThreadPool(users);
    CountDownLatch go = new CountDownLatch(1);
    List<Session> created = new ArrayList<>();
    try {
      List<Future<Session>> answers = new ArrayList<>();
      for (SessionClient client : clients) {
        answers.add(
            threads.submit(
                () -> {
                  go.await();
                  return client.create(new CreateSessionRequest(null, null, null, null));
                }));
      }
      go.countDown();
      for (Future<Session> answer : answers) {
        created.add(answer.get(2, TimeUnit.MINUTES));
      }
    } finally {
      threads.shutdown();
    }

    List<Session> claimed =
        created.stream().filter(s -> s.status() == SessionStatus.RUNNING).toList();
    assertThat(claimed).isNotEmpty().hasSizeLessThanOrEqualTo(POOL);
    assertThat(claimed).extracting(s -> s.id().toString()).allMatch(waiting::contains);
    List<Session> running = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      running.add(clients.get(i).await(created.get(i).id(), SessionStatus.RUNNING, STARTUP));
    }
    assertThat(running).extracting(Session::id).doesNotHaveDuplicates();
    assertThat(running).extracting(Session::containerId).doesNotHaveDuplicates();
    assertThat(running).extracting(Session::workspacePath).doesNotHaveDuplicates();
    Set<Integer> ports = new HashSet<>();
    for (Session session : running) {
      SessionPorts held = session.ports();
      assertThat(
              ports.add(held.opencode()) && ports.add(held.fileserver()) && ports.add(held.ttyd()))
          .isTrue();
    }
    // Each session sees its own directory, and only its own file in it.
    for (int i = 0; i < users; i++) {
      Session session = running.get(i);
      clients
          .get(i)
          .http()
          .put()
          .uri("/sessions/{id}/files/file?path=whose.txt", session.id())
          .bodyValue(session.id().toString())
          .exchange()
          .expectStatus()
          .isCreated();
    }
    for (Session session : running) {
      Path workspace = Path.of(session.workspacePath());
      assertThat(workspace.resolve("whose.txt")).hasContent(session.id().toString());
      try (var files = Files.list(workspace)) {
        assertThat(files.toList()).hasSize(1);
      }
    }
    for (int i = 0; i < users; i++) {
      clients.get(i).delete(running.get(i).id());
    }
  }

  @Test
  void requestsASlotWasNotMadeForStartAContainerOfTheirOwn() throws Exception {
    Set<String> waiting = ids(slots.awaitReady(POOL));
    Accounts accounts = new Accounts(backend);
    SignedIn bob = accounts.register(Role.USER);
    SessionClient sessions = new SessionClient(accounts.as(bob.token()));

    Session withEnv =
        sessions.create(new CreateSessionRequest("with-env", null, null, Map.of("GREETING", "hi")));
    Session chosenDirectory =
        sessions.create(new CreateSessionRequest("chosen", null, "projects/chosen", null));
    Path existing =
        Files.createDirectories(
            backend
                .config()
                .paths()
                .workspaceRoot()
                .resolve(bob.user().username())
                .resolve("existing"));
    Files.writeString(existing.resolve("mine.txt"), "bob's");
    Session existingDirectory =
        sessions.create(new CreateSessionRequest("existing", null, null, null));

    for (Session cold : List.of(withEnv, chosenDirectory, existingDirectory)) {
      assertThat(cold.status()).isIn(SessionStatus.PENDING, SessionStatus.STARTING);
      assertThat(waiting).doesNotContain(cold.id().toString());
    }
    assertThat(ids(slots.ready())).containsAll(waiting);
    assertThat(existingDirectory.workspacePath()).isEqualTo(existing.toRealPath().toString());
    for (Session cold : List.of(withEnv, chosenDirectory, existingDirectory)) {
      sessions.await(cold.id(), SessionStatus.RUNNING, STARTUP);
    }
    sessions
        .http()
        .get()
        .uri("/sessions/{id}/files/file?path=mine.txt", existingDirectory.id())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .isEqualTo("bob's");

    // Naming the default image is asking for the defaults.
    Session named =
        sessions.create(new CreateSessionRequest("named", SessionImage.TAG, "", Map.of()));
    assertThat(named.status()).isEqualTo(SessionStatus.RUNNING);
    assertThat(waiting).contains(named.id().toString());

    for (Session session : List.of(withEnv, chosenDirectory, existingDirectory, named)) {
      sessions.delete(session.id());
    }
  }

  @Test
  void aClaimedContainerRestartedByHandFailsItsSessionRatherThanRunOnAnythingElse()
      throws Exception {
    slots.awaitReady(POOL);
    Accounts accounts = new Accounts(backend);
    SessionClient sessions = new SessionClient(accounts.as(accounts.register(Role.USER).token()));
    Session session = sessions.create(new CreateSessionRequest("restarted", null, null, null));
    assertThat(session.status()).isEqualTo(SessionStatus.RUNNING);
    Path workspace = Path.of(session.workspacePath());
    Files.writeString(workspace.resolve("kept.txt"), "kept");

    // The engine mounts the source it recorded, the slot's old path, which is no longer the
    // workspace: the session must not run on it.
    docker.restartContainerCmd(session.containerId()).withTimeout(1).exec();

    Awaitility.await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              Session now = sessions.get(session.id());
              return now.status() == SessionStatus.FAILED
                  && now.errorMessage() != null
                  && now.errorMessage().contains("refused to mount the workspace");
            });
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> containerGone(session.containerId()));
    assertThat(workspace.resolve("kept.txt")).hasContent("kept");
    sessions.delete(session.id());
  }

  private static Set<String> ids(List<WarmSlotsSeen.Slot> slots) {
    Set<String> ids = new HashSet<>();
    slots.forEach(slot -> ids.add(slot.id()));
    return ids;
  }

  private static boolean containerGone(String id) {
    try {
      docker.inspectContainerCmd(id).exec();
      return false;
    } catch (NotFoundException e) {
      return true;
    }
  }
}
