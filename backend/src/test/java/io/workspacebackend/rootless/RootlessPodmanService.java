package io.workspacebackend.rootless;

import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.workspacebackend.container.DockerClients;
import io.workspacebackend.image.ImageBuilder;
import io.workspacebackend.testing.SessionImage;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link ServiceAccount}'s own Podman API service, started as the account with the limits of
 * {@code examples/rootless/podman-limits.conf}, as its systemd user unit would start it, and given
 * the session image (Docker's, copied into the account's storage unless it holds the same build).
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
    RootlessPodmanService service = new RootlessPodmanService(socket, started);
    service.provideSessionImage(account);
    return service;
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

  private void provideSessionImage(ServiceAccount account) throws Exception {
    SessionImage.ensureBuilt();
    String wanted;
    try (DockerClient docker = DockerClients.forRequests(SessionImage.DOCKER)) {
      wanted = sourcesHash(docker).orElseThrow();
    }
    try (DockerClient podman = client()) {
      if (sourcesHash(podman).filter(wanted::equals).isPresent()) {
        return;
      }
    }
    List<Process> pipeline =
        ProcessBuilder.startPipeline(
            List.of(
                new ProcessBuilder("docker", "save", SessionImage.TAG)
                    .redirectError(ProcessBuilder.Redirect.INHERIT),
                account
                    .as(List.of("podman", "load", "-q"), account.environment())
                    .redirectErrorStream(true)));
    Process load = pipeline.get(pipeline.size() - 1);
    String output = new String(load.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    for (Process process : pipeline) {
      if (process.waitFor() != 0) {
        throw new IllegalStateException("copying the session image failed: " + output);
      }
    }
  }

  private static Optional<String> sourcesHash(DockerClient client) {
    try {
      return Optional.ofNullable(
          client
              .inspectImageCmd(SessionImage.TAG)
              .exec()
              .getConfig()
              .getLabels()
              .get(ImageBuilder.HASH_LABEL));
    } catch (NotFoundException e) {
      return Optional.empty();
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
