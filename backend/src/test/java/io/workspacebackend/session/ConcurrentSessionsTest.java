package io.workspacebackend.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionPorts;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import io.workspacebackend.testing.SessionClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many sessions at once: distinct ports, correct ownership, and no way from one to another. */
@Timeout(600)
class ConcurrentSessionsTest {
  @RegisterExtension
  static RunningBackend backend =
      new RunningBackend()
          .with("sessions.startup_timeout", "300s")
          .with("container.memory_limit", "1GB");

  private static final DockerClient docker = SessionClient.docker();

  @AfterAll
  static void closeDocker() throws Exception {
    docker.close();
  }

  @Test
  void twentyConcurrentCreatesByFourUsersAllRunOnDistinctPortsAndStayPrivate() throws Exception {
    Accounts accounts = new Accounts(backend);
    List<SessionClient> users =
        IntStream.range(0, 4)
            .mapToObj(i -> new SessionClient(accounts.as(accounts.register(Role.USER).token())))
            .toList();
    Map<UUID, SessionClient> owners = new ConcurrentHashMap<>();

    // Plain threads: the backend in this JVM uses Reactor's shared schedulers itself.
    ExecutorService clients = Executors.newFixedThreadPool(20);
    List<Future<?>> creates = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      SessionClient user = users.get(i % 4);
      String name = "parallel-" + i;
      creates.add(clients.submit(() -> owners.put(user.create(name).id(), user)));
    }
    for (Future<?> create : creates) {
      create.get(2, TimeUnit.MINUTES);
    }
    assertThat(owners).hasSize(20);

    try {
      List<Session> running = new ArrayList<>();
      owners.forEach(
          (id, owner) ->
              running.add(owner.await(id, SessionStatus.RUNNING, Duration.ofMinutes(6))));
      Set<Integer> ports = new HashSet<>();
      for (Session session : running) {
        SessionPorts p = session.ports();
        ports.addAll(List.of(p.opencode(), p.fileserver(), p.ttyd()));
      }
      assertThat(ports).hasSize(60);

      for (SessionClient user : users) {
        List<Session> listed = user.list();
        assertThat(listed).hasSize(5);
        for (Session session : running) {
          boolean own = owners.get(session.id()) == user;
          assertThat(listed.stream().anyMatch(s -> s.id().equals(session.id()))).isEqualTo(own);
          if (!own) {
            user.http()
                .get()
                .uri("/api/sessions/" + session.id())
                .exchange()
                .expectStatus()
                .isNotFound();
          }
        }
      }

      Session first = running.get(0);
      Session second = running.get(1);
      String secondAddress =
          docker
              .inspectContainerCmd(second.containerId())
              .exec()
              .getNetworkSettings()
              .getNetworks()
              .values()
              .iterator()
              .next()
              .getIpAddress();
      // From inside the first session: its own file server answers (401 without the secret)...
      assertThat(
              exec(
                  first.containerId(),
                  "curl -s -m 3 -o /dev/null -w '%{http_code}' http://127.0.0.1:41821/tree"))
          .isEqualTo("401");
      // ...the second session's does not even connect, nor do its published host ports.
      assertThat(
              exec(
                  first.containerId(),
                  "curl -s -m 3 -o /dev/null -w '%{http_code}' http://"
                      + secondAddress
                      + ":41821/tree; echo \" exit=$?\""))
          .contains("000")
          .doesNotContain("exit=0");
      // The host is the first session's gateway; the second's ports are published on the host's
      // loopback only. (Inside the container 127.0.0.1 is its own loopback, where a host port
      // number could be one of its own services' ports.)
      String host =
          docker
              .inspectContainerCmd(first.containerId())
              .exec()
              .getNetworkSettings()
              .getNetworks()
              .values()
              .iterator()
              .next()
              .getGateway();
      assertThat(
              exec(
                  first.containerId(),
                  "curl -s -m 3 -o /dev/null -w '%{http_code}' http://"
                      + host
                      + ":"
                      + second.ports().fileserver()
                      + "/tree; echo \" exit=$?\""))
          .contains("000")
          .doesNotContain("exit=0");
    } finally {
      List<Future<?>> deletes = new ArrayList<>();
      owners.forEach((id, owner) -> deletes.add(clients.submit(() -> owner.delete(id))));
      for (Future<?> delete : deletes) {
        delete.get(3, TimeUnit.MINUTES);
      }
      clients.shutdown();
    }
  }

  private static String exec(String containerId, String script) throws InterruptedException {
    String exec =
        docker
            .execCreateCmd(containerId)
            .withCmd("bash", "-c", script)
            .withAttachStdout(true)
            .withAttachStderr(true)
            .exec()
            .getId();
    StringBuilder output = new StringBuilder();
    docker
        .execStartCmd(exec)
        .exec(
            new ResultCallback.Adapter<Frame>() {
              @Override
              public void onNext(Frame frame) {
                synchronized (output) {
                  output.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                }
              }
            })
        .awaitCompletion(30, TimeUnit.SECONDS);
    synchronized (output) {
      return output.toString().strip();
    }
  }
}
