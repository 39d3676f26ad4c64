package io.workspacebackend.rootless;

import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import io.workspacebackend.container.DockerClients;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link ServiceAccount}'s own Podman API service, started as the account with the limits of
 * {@code examples/rootless/podman-limits.conf}, as its systemd user unit would start it.
 */
final class RootlessPodmanService implements AutoCloseable {
  private final URI socket;
  private final Optional<AccountProcess> started;

  private RootlessPodmanService(URI socket, Optional<AccountProcess> started) {
    this.socket = socket;
    this.started = started;
  }

  /** Starts the service unless it answers already (then it is left running at the end). */
  static RootlessPodmanService start(ServiceAccount account, ServiceLimits limits, Path log)
      throws Exception {
    Path socketPath = account.runtimeDirectory().resolve("podman/podman.sock");
    URI socket = URI.create("unix://" + socketPath);
    Optional<AccountProcess> started = Optional.empty();
    if (!answers(socket)) {
      Files.deleteIfExists(socketPath);
      // As systemd applies LimitNOFILE= and LimitNPROC= before it starts the service.
      List<String> command =
          new ArrayList<>(
              List.of(
                  "prlimit",
                  "--nofile=" + limits.nofile() + ":" + limits.nofile(),
                  "--nproc=" + limits.nproc() + ":" + limits.nproc(),
                  "podman",
                  "system",
                  "service",
                  "--time=0",
                  socket.toString()));
      AccountProcess service = AccountProcess.start(account, command, account.environment(), log);
      started = Optional.of(service);
      try {
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .failFast("the Podman service ended", () -> !service.isAlive())
            .until(() -> answers(socket));
      } catch (RuntimeException e) {
        throw new AssertionError(e.getMessage() + "; it printed: " + service.output(), e);
      }
    }
    return new RootlessPodmanService(socket, started);
  }

  URI socket() {
    return socket;
  }

  DockerClient client() {
    return DockerClients.forRequests(socket);
  }

  private static boolean answers(URI socket) {
    if (!Files.exists(Path.of(socket.getPath()))) {
      return false;
    }
    try (DockerClient client = DockerClients.forRequests(socket)) {
      client.pingCmd().exec();
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Stops the service if this started it; its containers are the backend's to remove. */
  @Override
  public void close() throws InterruptedException {
    if (started.isPresent()) {
      started.get().close(() -> !answers(socket));
    }
  }
}
