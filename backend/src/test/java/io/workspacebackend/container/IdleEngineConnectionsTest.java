package io.workspacebackend.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import io.workspacebackend.config.RuntimeKind;
import io.workspacebackend.testing.SocketRelay;
import java.io.IOException;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Engines close keep-alive connections left idle: Podman's service, as its {@code podman.socket}
 * unit starts it (the README's rootless set-up), after ten seconds. The next call after a quiet
 * spell must still reach the engine, not fail on a connection the engine already closed.
 */
@Timeout(180)
class IdleEngineConnectionsTest {
  private static final Duration CALL = Duration.ofSeconds(60);
  private static final String LABEL = "io.workspace-backend.test";
  private static final Path DOCKER = Path.of("/var/run/docker.sock");
  private static final Path PODMAN = Path.of("/run/podman/podman.sock");

  @BeforeAll
  static void importTheTestImage() throws IOException {
    for (Path socket : List.of(DOCKER, PODMAN)) {
      try (DockerClient client = DockerClients.forRequests(URI.create("unix://" + socket))) {
        BusyboxImage.ensure(client, socket);
      }
    }
  }

  @AfterAll
  static void removeTheTestImage() throws IOException {
    for (Path socket : List.of(DOCKER, PODMAN)) {
      try (DockerClient client = DockerClients.forRequests(URI.create("unix://" + socket))) {
        BusyboxImage.remove(client);
      }
    }
  }

  /** The user's path: Podman's own service with its default idle time, as systemd starts it. */
  @Test
  void podmansServiceClosingIdleConnectionsDoesNotFailTheNextCalls() throws Exception {
    Path dir = Files.createTempDirectory("podman-idle");
    Path socket = dir.resolve("podman.sock");
    Process service =
        new ProcessBuilder("podman", "system", "service", "unix://" + socket)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("service.log").toFile())
            .start();
    try {
      await().atMost(CALL).until(() -> Files.exists(socket));
      try (ContainerRuntime runtime =
          ContainerRuntimes.connect(engine(RuntimeKind.PODMAN, socket))) {
        // The backend always follows the engine's events; that keeps the service from exiting.
        Disposable events = runtime.events(Map.of(LABEL, "idle")).subscribe(event -> {}, e -> {});
        try {
          useSeveralConnections(runtime);
          awaitIdleConnectionsClosed(socket);

          assertWorks(runtime);
        } finally {
          events.dispose();
        }
      }
    } finally {
      service.destroy();
      service.waitFor();
    }
  }

  /** The same on Docker, whose daemon keeps idle connections: a relay closes them instead. */
  @Test
  void connectionsTheEngineClosedWhileIdleAreNotReused() throws Exception {
    Path relayed = Files.createTempDirectory("engine-idle").resolve("engine.sock");
    try (SocketRelay engine = SocketRelay.to(DOCKER, relayed);
        ContainerRuntime runtime = ContainerRuntimes.connect(engine(RuntimeKind.DOCKER, relayed))) {
      useSeveralConnections(runtime);
      engine.cutOpenConnections();

      assertWorks(runtime);
    }
  }

  /** Calls at once, as a busy server makes them: the client keeps several connections open. */
  private static void useSeveralConnections(ContainerRuntime runtime) {
    List<Boolean> present =
        Flux.range(0, 8)
            .flatMap(i -> runtime.imagePresent(BusyboxImage.NAME))
            .collectList()
            .block(CALL);
    assertThat(present).containsOnly(true).hasSize(8);
  }

  /** A read, then a write: create a container and remove it again. */
  private static void assertWorks(ContainerRuntime runtime) {
    assertThat(runtime.imagePresent(BusyboxImage.NAME).block(CALL)).isTrue();
    String id =
        runtime
            .create(
                ContainerSpec.builder("idle-" + UUID.randomUUID(), BusyboxImage.NAME)
                    .labels(Map.of(LABEL, "idle"))
                    .command(List.of("true"))
                    .build())
            .block(CALL);
    runtime.remove(id).block(CALL);
  }

  /**
   * Waits until the service has closed a keep-alive connection of this test's own that was last
   * used after the runtime's: then it has closed the runtime's too.
   */
  private static void awaitIdleConnectionsClosed(Path socket) throws IOException {
    try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
      probe.write(
          ByteBuffer.wrap(
              "GET /_ping HTTP/1.1\r\nHost: podman\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer buffer = ByteBuffer.allocate(4096);
      // Reads the answer, then blocks until the service closes the connection (end of stream).
      while (probe.read(buffer) >= 0) {
        buffer.clear();
      }
    }
  }

  private static DetectedRuntime engine(RuntimeKind kind, Path socket) {
    return new DetectedRuntime(
        kind, URI.create("unix://" + socket), "test", "", "", Optional.empty());
  }
}
