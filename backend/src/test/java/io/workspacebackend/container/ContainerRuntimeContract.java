package io.workspacebackend.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Ulimit;
import io.workspacebackend.config.RuntimeKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.util.unit.DataSize;
import reactor.core.Disposable;

/**
 * The runtime's contract, run once against each real engine (see the subclasses). A missing engine
 * fails {@link #connect}. Everything created carries {@link #TEST_LABEL} with this run's id and is
 * removed afterwards, as is the test image.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContainerRuntimeContract {
  static final String TEST_LABEL = "io.workspace-backend.test";
  private static final Duration CALL = Duration.ofSeconds(60);

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final List<String> networks = new ArrayList<>();
  private ContainerRuntime runtime;
  private DockerClient raw;
  private int counter;

  abstract RuntimeKind kind();

  @BeforeAll
  @Timeout(120)
  void connect() throws Exception {
    DetectedRuntime engine =
        RuntimeDetector.forCurrentProcess()
            .detect(RuntimeDetectorTest.container(kind(), null, null));
    raw = DockerClients.forRequests(engine.socket());
    BusyboxImage.ensure(raw, Path.of(engine.socket().getPath()));
    runtime = ContainerRuntimes.connect(engine);
  }

  @AfterAll
  @Timeout(120)
  void removeEverythingThisRunCreated() throws Exception {
    if (runtime != null) {
      for (ContainerSummary container : runtime.listByLabels(Map.of(TEST_LABEL, run)).block(CALL)) {
        runtime.remove(container.id()).block(CALL);
      }
      for (String network : networks) {
        runtime.removeNetwork(network).block(CALL);
      }
      runtime.close();
    }
    if (raw != null) {
      BusyboxImage.remove(raw);
      raw.close();
    }
  }

  @Test
  @Timeout(90)
  void aHardenedContainerServesOnLoopbackStopsGracefullyAndIsRemoved() throws Exception {
    ContainerSpec spec =
        spec("web")
            .command(
                shell(
                    "grep CapEff /proc/self/status; mkdir -p /tmp/www; echo hello >"
                        + " /tmp/www/index.html; trap 'exit 0' TERM; httpd -f -p 8080 -h /tmp/www"
                        + " & wait"))
            .user("65534:65534")
            .port(8080, 0)
            .memory(DataSize.ofMegabytes(64))
            .pidsLimit(64)
            .ulimits(1024, 256)
            .nanoCpus(500_000_000L)
            .build();
    String id = runtime.create(spec).block(CALL);

    HostConfig host = raw.inspectContainerCmd(id).exec().getHostConfig();
    assertThat(capabilitiesDropped(host)).isTrue();
    assertThat(host.getSecurityOpts()).contains("no-new-privileges");
    assertThat(host.getMemory()).isEqualTo(DataSize.ofMegabytes(64).toBytes());
    assertThat(host.getMemorySwap()).isEqualTo(DataSize.ofMegabytes(64).toBytes());
    assertThat(host.getPidsLimit()).isEqualTo(64);
    assertThat(ulimits(host)).containsEntry("nofile", 1024L).containsEntry("nproc", 256L);
    assertThat(
            Arrays.stream(host.getPortBindings().getBindings().values().iterator().next())
                .map(Ports.Binding::getHostIp))
        .containsOnly("127.0.0.1");

    runtime.start(id).block(CALL);
    ContainerState running = runtime.inspect(id).block(CALL).orElseThrow();
    assertThat(running.running()).isTrue();
    int port = running.hostPorts().get(8080);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(
            () ->
                http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body(),
            body -> body.strip().equals("hello"));
    // Every capability is gone for the process itself, whatever the engine reports in HostConfig.
    assertThat(runtime.logs(id, -1, false).collectList().block(CALL))
        .contains("CapEff:\t0000000000000000");

    runtime.stop(id, Duration.ofSeconds(10)).block(CALL);
    ContainerState stopped = runtime.inspect(id).block(CALL).orElseThrow();
    assertThat(stopped.running()).isFalse();
    assertThat(stopped.exitCode()).as("exited through its TERM trap, not killed").isZero();
    assertThat(stopped.oomKilled()).isFalse();
    assertThat(stopped.finishedAt()).isPresent();

    runtime.remove(id).block(CALL);
    assertThat(runtime.inspect(id).block(CALL)).isEmpty();
  }

  @Test
  @Timeout(60)
  void aReadOnlyContainerWritesOnlyToItsTmpfsMountsEachBoundedAndOwnedAsAsked() {
    String id =
        runtime
            .create(
                spec("read-only")
                    .user("65534:65534")
                    .readOnlyRootfs(true)
                    .tmpfs(new Tmpfs("/data", DataSize.ofMegabytes(8), 0700, true, true))
                    .tmpfs(new Tmpfs("/tmp", DataSize.ofMegabytes(4), 01777, false, false))
                    .command(
                        shell(
                            "grep -E ' /(data|tmp) ' /proc/mounts; echo x > /data/file && echo"
                                + " data written; echo x > /tmp/file && echo tmp written; echo x"
                                + " > /file || echo root refused"))
                    .build())
            .block(CALL);
    assertThat(raw.inspectContainerCmd(id).exec().getHostConfig().getReadonlyRootfs()).isTrue();

    runtime.start(id).block(CALL);
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> !runtime.inspect(id).block(CALL).orElseThrow().running());

    List<String> lines = runtime.logs(id, -1, false).collectList().block(CALL);
    assertThat(lines)
        .contains("data written", "tmp written", "root refused")
        .anyMatch(line -> line.contains("Read-only file system"));
    assertThat(mountOptions(lines, "/data"))
        .contains("rw", "nosuid", "nodev", "size=8192k", "mode=700", "uid=65534", "gid=65534")
        .doesNotContain("noexec");
    assertThat(mountOptions(lines, "/tmp"))
        .contains("rw", "nosuid", "nodev", "noexec", "size=4096k")
        .noneMatch(option -> option.startsWith("uid="));
  }

  @Test
  @Timeout(60)
  void listingByLabelsFindsOnlyTheLabelledContainers() {
    String label = session();
    String mine = runtime.create(spec("mine").labels(Map.of(label, "a")).build()).block(CALL);
    runtime.create(spec("other").labels(Map.of(label, "b")).build()).block(CALL);

    List<ContainerSummary> found =
        runtime.listByLabels(Map.of(TEST_LABEL, run, label, "a")).block(CALL);

    assertThat(found)
        .singleElement()
        .satisfies(
            container -> {
              assertThat(container.id()).isEqualTo(mine);
              assertThat(container.name()).isEqualTo(name("mine"));
              assertThat(container.running()).isFalse();
              assertThat(container.labels())
                  .containsEntry(ContainerRuntime.MANAGED_LABEL, "true")
                  .containsEntry(label, "a");
            });
  }

  @Test
  @Timeout(60)
  void aKilledContainerProducesADieEventWithItsExitCodeWithinTwoSeconds() throws Exception {
    String label = session();
    String id =
        runtime
            .create(spec("killed").labels(Map.of(label, "k")).command(shell("sleep 300")).build())
            .block(CALL);
    BlockingQueue<RuntimeEvent> events = new LinkedBlockingQueue<>();
    Disposable subscription = runtime.events(Map.of(label, "k")).subscribe(events::add);
    try {
      runtime.start(id).block(CALL);
      assertThat(next(events, RuntimeEvent.Type.START, Duration.ofSeconds(20)).containerId())
          .isEqualTo(id);

      raw.killContainerCmd(id).exec();

      RuntimeEvent die = next(events, RuntimeEvent.Type.DIE, Duration.ofSeconds(2));
      assertThat(die.containerId()).isEqualTo(id);
      assertThat(die.exitCode()).hasValue(137);
      assertThat(die.labels()).containsEntry(label, "k").containsEntry(TEST_LABEL, run);
      assertThat(events).noneMatch(event -> event.type() == RuntimeEvent.Type.OOM);
      assertThat(runtime.inspect(id).block(CALL).orElseThrow().oomKilled()).isFalse();
    } finally {
      subscription.dispose();
    }
  }

  @Test
  @Timeout(60)
  void aContainerOverItsMemoryLimitIsReportedAsOomKilled() throws Exception {
    String label = session();
    String id =
        runtime
            .create(
                spec("oom")
                    .labels(Map.of(label, "o"))
                    .memory(DataSize.ofMegabytes(8))
                    .command(shell("x=$(head -c 67108864 /dev/zero | tr '\\000' x); echo $x"))
                    .build())
            .block(CALL);
    BlockingQueue<RuntimeEvent> events = new LinkedBlockingQueue<>();
    Disposable subscription = runtime.events(Map.of(label, "o")).subscribe(events::add);
    try {
      // The stream must be open before the container dies; its first event proves it is.
      runtime.start(id).block(CALL);
      next(events, RuntimeEvent.Type.START, Duration.ofSeconds(20));

      assertThat(next(events, RuntimeEvent.Type.OOM, Duration.ofSeconds(20)).containerId())
          .isEqualTo(id);
      assertThat(next(events, RuntimeEvent.Type.DIE, Duration.ofSeconds(5)).exitCode())
          .hasValue(137);
      ContainerState state = runtime.inspect(id).block(CALL).orElseThrow();
      assertThat(state.oomKilled()).isTrue();
      assertThat(state.exitCode()).isEqualTo(137);
    } finally {
      subscription.dispose();
    }
  }

  @Test
  @Timeout(60)
  void logsReturnTheTailAndFollowUntilTheContainerStops() {
    String done =
        runtime
            .create(spec("printed").command(shell("printf 'one\\ntwo\\nthree\\n'")).build())
            .block(CALL);
    runtime.start(done).block(CALL);
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> !runtime.inspect(done).block(CALL).orElseThrow().running());
    // The engine may still be writing the last output to its log when the exit is visible.
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () ->
                assertThat(runtime.logs(done, -1, false).collectList().block(CALL))
                    .containsExactly("one", "two", "three"));
    assertThat(runtime.logs(done, 2, false).collectList().block(CALL))
        .containsExactly("two", "three");

    String later =
        runtime
            .create(
                spec("follow")
                    .command(shell("echo before; sleep 2; echo after >&2; echo last"))
                    .build())
            .block(CALL);
    runtime.start(later).block(CALL);
    // Completes on its own: following ends when the container exits. The engines order lines of
    // stdout and stderr written at nearly the same time either way.
    List<String> followed = runtime.logs(later, -1, true).collectList().block(CALL);
    assertThat(followed).containsExactlyInAnyOrder("before", "after", "last");
    assertThat(followed.get(0)).isEqualTo("before");
  }

  @Test
  @Timeout(60)
  void followingARunningContainerDeliversLinesPrintedAfterSubscribing() {
    String id =
        runtime
            .create(
                spec("ticker")
                    .command(shell("i=0; while true; do echo tick $i; i=$((i+1)); sleep 0.2; done"))
                    .build())
            .block(CALL);
    runtime.start(id).block(CALL);

    List<String> lines = runtime.logs(id, 0, true).take(3).collectList().block(CALL);

    assertThat(lines).hasSize(3).allMatch(line -> line.startsWith("tick "));
  }

  @Test
  @Timeout(60)
  void statsOfABusyContainerArePlausible() {
    String id =
        runtime
            .create(
                spec("busy")
                    .memory(DataSize.ofMegabytes(64))
                    .nanoCpus(500_000_000L)
                    .command(shell("while true; do true; done"))
                    .build())
            .block(CALL);
    runtime.start(id).block(CALL);

    ContainerStats stats = runtime.stats(id).block(CALL);

    assertThat(stats.cpuPercent())
        .isBetween(5.0, 100.0 * Runtime.getRuntime().availableProcessors());
    assertThat(stats.memoryLimitBytes()).isEqualTo(DataSize.ofMegabytes(64).toBytes());
    assertThat(stats.memoryBytes()).isPositive().isLessThanOrEqualTo(stats.memoryLimitBytes());
    assertThat(stats.pids()).isBetween(1L, 10L);
  }

  @Test
  @Timeout(120)
  void aContainerOnAnotherSessionsNetworkCannotReachThePort() {
    String first = network("first");
    String second = network("second");
    String server =
        runtime
            .create(
                spec("server")
                    .network(first)
                    .command(
                        shell(
                            "mkdir -p /tmp/www; echo hello > /tmp/www/index.html; httpd -f -p"
                                + " 8080 -h /tmp/www"))
                    .build())
            .block(CALL);
    runtime.start(server).block(CALL);
    String address =
        raw.inspectContainerCmd(server)
            .exec()
            .getNetworkSettings()
            .getNetworks()
            .get(first)
            .getIpAddress();

    assertThat(fetchFrom(first, address)).as("same network").contains("200 OK", "hello");
    assertThat(fetchFrom(second, address)).as("other network").doesNotContain("HTTP");
  }

  @Test
  @Timeout(30)
  void imagePresenceIsReported() {
    assertThat(runtime.imagePresent(BusyboxImage.NAME).block(CALL)).isTrue();
    assertThat(runtime.imagePresent("workspace-backend-test/absent:1").block(CALL)).isFalse();
  }

  @Test
  @Timeout(30)
  void missingThingsAreNamedOrHarmless() {
    runtime.remove("workspace-backend-no-such-container").block(CALL);
    runtime.removeNetwork("workspace-backend-no-such-network").block(CALL);
    assertThat(runtime.inspect("workspace-backend-no-such-container").block(CALL)).isEmpty();

    assertThatThrownBy(() -> runtime.start("workspace-backend-no-such-container").block(CALL))
        .isInstanceOf(ContainerNotFound.class);
    assertThatThrownBy(
            () ->
                runtime
                    .create(
                        ContainerSpec.builder(name("noimage"), "workspace-backend-test/absent:1")
                            .labels(Map.of(TEST_LABEL, run))
                            .build())
                    .block(CALL))
        .isInstanceOf(ImageNotFound.class);
    String id = runtime.create(spec("twice").build()).block(CALL);
    assertThat(id).isNotBlank();
    assertThatThrownBy(() -> runtime.create(spec("twice").build()).block(CALL))
        .isInstanceOf(ContainerConflict.class);
  }

  @Test
  @Timeout(10)
  void anEngineThatIsDownIsReportedUnavailableQuickly() {
    DetectedRuntime down =
        new DetectedRuntime(
            kind(),
            URI.create("unix:///tmp/workspace-backend-no-engine.sock"),
            "test",
            "",
            "",
            Optional.empty());
    try (ContainerRuntime unreachable = ContainerRuntimes.connect(down)) {
      assertThatThrownBy(() -> unreachable.inspect("x").block(Duration.ofSeconds(5)))
          .isInstanceOf(RuntimeUnavailable.class)
          .hasMessageContaining("/tmp/workspace-backend-no-engine.sock");
      assertThatThrownBy(() -> unreachable.events(Map.of()).blockFirst(Duration.ofSeconds(5)))
          .isInstanceOf(RuntimeUnavailable.class);
    }
  }

  /** Runs a one-shot client on {@code network} that sends a request and prints the status line. */
  private String fetchFrom(String network, String address) {
    String id =
        runtime
            .create(
                spec("client-" + network)
                    .network(network)
                    .command(
                        shell(
                            "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 3 "
                                + address
                                + " 8080; echo end"))
                    .build())
            .block(CALL);
    runtime.start(id).block(CALL);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> !runtime.inspect(id).block(CALL).orElseThrow().running());
    String output = String.join("\n", runtime.logs(id, -1, false).collectList().block(CALL));
    assertThat(output).as("the client ran to its end").contains("end");
    return output;
  }

  private String network(String purpose) {
    String name = "wbt-" + run + "-" + purpose;
    runtime.createNetwork(name, Map.of(TEST_LABEL, run)).block(CALL);
    networks.add(name);
    return name;
  }

  /** The options of the mount at {@code path} in lines of {@code /proc/mounts}. */
  private static List<String> mountOptions(List<String> mounts, String path) {
    return mounts.stream()
        .map(line -> line.split(" "))
        .filter(fields -> fields.length > 3 && fields[1].equals(path))
        .findFirst()
        .map(fields -> Arrays.asList(fields[3].split(",")))
        .orElseThrow(() -> new AssertionError("no mount at " + path + " in " + mounts));
  }

  /**
   * Docker reports {@code CapDrop: [ALL]}; Podman expands ALL into the capabilities it would
   * otherwise grant. Either way the process ends up with none (checked from inside).
   */
  private boolean capabilitiesDropped(HostConfig host) {
    List<Capability> dropped = Arrays.asList(host.getCapDrop());
    if (kind() == RuntimeKind.PODMAN) {
      return dropped.containsAll(
          List.of(
              Capability.CHOWN,
              Capability.DAC_OVERRIDE,
              Capability.FOWNER,
              Capability.KILL,
              Capability.NET_BIND_SERVICE,
              Capability.NET_RAW,
              Capability.SETGID,
              Capability.SETUID));
    }
    return dropped.equals(List.of(Capability.ALL));
  }

  /** Podman names ulimits {@code RLIMIT_NOFILE} in inspect; Docker as they were given. */
  private static Map<String, Long> ulimits(HostConfig host) {
    return Arrays.stream(host.getUlimits())
        .collect(
            Collectors.toMap(
                limit -> limit.getName().toLowerCase(Locale.ROOT).replace("rlimit_", ""),
                Ulimit::getSoftLong));
  }

  private static RuntimeEvent next(
      BlockingQueue<RuntimeEvent> events, RuntimeEvent.Type type, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      RuntimeEvent event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      assertThat(event).as("a %s event within %s", type, within).isNotNull();
      if (event.type() == type) {
        return event;
      }
    }
  }

  private ContainerSpec.Builder spec(String purpose) {
    return ContainerSpec.builder(name(purpose), BusyboxImage.NAME)
        .labels(Map.of(TEST_LABEL, run))
        .command(shell("sleep 300"));
  }

  private String name(String purpose) {
    return "wbt-" + run + "-" + purpose;
  }

  private String session() {
    return ContainerRuntime.SESSION_LABEL + "-" + run + "-" + ++counter;
  }

  private static List<String> shell(String script) {
    return List.of("sh", "-c", script);
  }
}
