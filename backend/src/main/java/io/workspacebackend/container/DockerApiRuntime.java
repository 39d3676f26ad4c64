package io.workspacebackend.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Statistics;
import io.workspacebackend.reactive.JvmErrors;
import io.workspacebackend.reactive.JvmErrors.JvmErrorException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * {@link ContainerRuntime} over the Docker Engine API, which Docker and Podman both speak; where
 * they differ, {@link EngineDialect} decides. Blocking calls run on a bounded scheduler of this
 * runtime's own.
 */
final class DockerApiRuntime implements ContainerRuntime {
  private static final Duration STATS_WAIT = Duration.ofSeconds(10);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private static final Duration PODMAN_STATS_INTERVAL = Duration.ofSeconds(1);

  private final DetectedRuntime engine;
  private final EngineDialect dialect;
  private final DockerClient requests;
  private final DockerClient streams;
  private final Scheduler scheduler;

  DockerApiRuntime(DetectedRuntime engine) {
    this.engine = engine;
    this.dialect = EngineDialect.of(engine.kind());
    this.requests = DockerClients.forRequests(engine.socket());
    this.streams = DockerClients.forStreams(engine.socket());
    this.scheduler = Schedulers.newBoundedElastic(32, 1024, "docker");
  }

  @Override
  public DetectedRuntime engine() {
    return engine;
  }

  @Override
  public Mono<Boolean> imagePresent(String image) {
    return call(
        "inspect image " + image,
        () -> {
          try {
            requests.inspectImageCmd(image).exec();
            return true;
          } catch (NotFoundException e) {
            return false;
          }
        });
  }

  @Override
  public Mono<Optional<String>> imageId(String image) {
    return call(
        "inspect image " + image,
        () -> {
          try {
            return Optional.ofNullable(requests.inspectImageCmd(image).exec().getId());
          } catch (NotFoundException e) {
            return Optional.empty();
          }
        });
  }

  @Override
  public Mono<String> create(ContainerSpec spec) {
    return call(
        "create container " + spec.name(),
        () -> {
          Map<String, String> labels = new HashMap<>(spec.labels());
          labels.put(MANAGED_LABEL, "true");
          CreateContainerCmd command =
              requests
                  .createContainerCmd(spec.image())
                  .withName(spec.name())
                  .withLabels(labels)
                  .withEnv(
                      spec.env().entrySet().stream()
                          .map(entry -> entry.getKey() + "=" + entry.getValue())
                          .toList())
                  .withExposedPorts(HardenedHostConfig.exposedPorts(spec))
                  .withTty(false)
                  .withHostConfig(
                      HardenedHostConfig.of(spec, dialect, engine.rootless().isPresent()));
          if (!spec.command().isEmpty()) {
            command.withCmd(spec.command());
          }
          spec.user().ifPresent(command::withUser);
          return command.exec().getId();
        });
  }

  @Override
  public Mono<Void> start(String id) {
    return run(
        "start container " + id,
        () -> {
          try {
            requests.startContainerCmd(id).exec();
          } catch (NotModifiedException alreadyRunning) {
            // Started already: what the caller wanted.
          }
        });
  }

  @Override
  public Mono<Void> stop(String id, Duration timeout) {
    // The stop call lasts as long as the grace period, so it uses the client without a response
    // timeout and bounds the wait here instead.
    return run(
            "stop container " + id,
            () -> {
              try {
                streams
                    .stopContainerCmd(id)
                    .withTimeout((int) Math.max(0, timeout.toSeconds()))
                    .exec();
              } catch (NotModifiedException alreadyStopped) {
                // Stopped already: what the caller wanted.
              }
            })
        .timeout(
            timeout.plus(STOP_GRACE),
            Mono.error(
                () ->
                    new RuntimeUnavailable(
                        "stop container " + id + ": " + engine.name() + " did not answer", null)));
  }

  @Override
  public Mono<Void> remove(String id) {
    return run(
        "remove container " + id,
        () -> {
          try {
            requests.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
          } catch (NotFoundException alreadyGone) {
            // Gone already: what the caller wanted.
          }
        });
  }

  @Override
  public Mono<Optional<ContainerState>> inspect(String id) {
    return call(
        "inspect container " + id,
        () -> {
          InspectContainerResponse response;
          try {
            response = requests.inspectContainerCmd(id).exec();
          } catch (NotFoundException e) {
            return Optional.empty();
          }
          return Optional.of(state(response));
        });
  }

  @Override
  public Mono<List<ContainerSummary>> listByLabels(Map<String, String> labels) {
    return call(
        "list containers labelled " + labels,
        () ->
            requests.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec().stream()
                .map(DockerApiRuntime::summary)
                .toList());
  }

  @Override
  public Flux<RuntimeEvent> events(Map<String, String> labels) {
    return Flux.defer(
        () -> {
          EventTranslator translator = new EventTranslator(dialect);
          return EngineStreams.<Event>of(
                  callback -> streams.eventsCmd().withLabelFilter(labels).exec(callback),
                  error -> EngineErrors.map(error, "events of " + labels, engine),
                  scheduler)
              .concatMapIterable(translator::translate);
        });
  }

  @Override
  public Flux<String> logs(String id, int tail, boolean follow) {
    return Flux.defer(
        () -> {
          LogLines lines = new LogLines();
          return EngineStreams.<Frame>of(
                  callback -> {
                    var command =
                        streams
                            .logContainerCmd(id)
                            .withStdOut(true)
                            .withStdErr(true)
                            .withFollowStream(follow);
                    if (tail >= 0) {
                      command.withTail(tail);
                    } else {
                      command.withTailAll();
                    }
                    command.exec(callback);
                  },
                  error -> EngineErrors.map(error, "logs of container " + id, engine),
                  scheduler)
              .concatMapIterable(lines::accept)
              .concatWith(Flux.defer(() -> Flux.fromIterable(lines.flush())));
        });
  }

  @Override
  public Mono<ContainerStats> stats(String id) {
    Mono<Statistics> oneShot =
        EngineStreams.<Statistics>of(
                callback -> streams.statsCmd(id).withNoStream(true).exec(callback),
                error -> EngineErrors.map(error, "stats of container " + id, engine),
                scheduler)
            .next();
    Mono<ContainerStats> sample =
        dialect.oneShotStatsHavePrevious()
            ? oneShot.flatMap(frame -> Mono.justOrEmpty(StatsReading.from(frame)))
            : oneShot
                .zipWith(oneShot.delaySubscription(PODMAN_STATS_INTERVAL))
                .flatMap(
                    frames ->
                        Mono.justOrEmpty(StatsReading.between(frames.getT1(), frames.getT2())));
    return sample
        .timeout(
            STATS_WAIT,
            Mono.error(
                () ->
                    new RuntimeUnavailable(
                        "stats of container "
                            + id
                            + ": no sample within "
                            + STATS_WAIT.toSeconds()
                            + " s",
                        new TimeoutException())))
        .switchIfEmpty(
            Mono.error(
                () ->
                    new ContainerConflict(
                        "stats of container " + id + ": it is not running", null)));
  }

  @Override
  public Mono<String> createNetwork(String name, Map<String, String> labels) {
    return call(
        "create network " + name,
        () -> {
          Map<String, String> all = new HashMap<>(labels);
          all.put(MANAGED_LABEL, "true");
          return requests
              .createNetworkCmd()
              .withName(name)
              .withDriver("bridge")
              .withLabels(all)
              .withOptions(dialect.networkOptions())
              .withCheckDuplicate(true)
              .exec()
              .getId();
        });
  }

  @Override
  public Mono<Void> removeNetwork(String name) {
    return run(
        "remove network " + name,
        () -> {
          try {
            requests.removeNetworkCmd(name).exec();
          } catch (NotFoundException alreadyGone) {
            // Gone already: what the caller wanted.
          }
        });
  }

  @Override
  public void close() {
    scheduler.dispose();
    closeQuietly(requests);
    closeQuietly(streams);
  }

  private ContainerState state(InspectContainerResponse response) {
    InspectContainerResponse.ContainerState state = response.getState();
    boolean running = Boolean.TRUE.equals(state.getRunning());
    int exitCode = state.getExitCodeLong() == null ? 0 : state.getExitCodeLong().intValue();
    Optional<Instant> startedAt = instant(state.getStartedAt());
    Optional<Instant> finishedAt = instant(state.getFinishedAt());
    boolean oomKilled = Boolean.TRUE.equals(state.getOOMKilled());
    if (!oomKilled
        && !running
        && exitCode == EngineDialect.KILLED_EXIT_CODE
        && startedAt.isPresent()
        && finishedAt.isPresent()) {
      oomKilled =
          EngineDialect.unannouncedKill(
              exitCode, killedByEngine(response.getId(), startedAt.get(), finishedAt.get()));
    }
    Map<String, String> labels =
        response.getConfig() == null || response.getConfig().getLabels() == null
            ? Map.of()
            : response.getConfig().getLabels();
    return new ContainerState(
        response.getId(),
        stripSlash(response.getName()),
        running,
        state.getStatus() == null ? "" : state.getStatus(),
        exitCode,
        oomKilled,
        state.getError() == null ? "" : state.getError(),
        startedAt,
        finishedAt,
        labels,
        hostPorts(response),
        mounts(response));
  }

  private static Map<String, String> mounts(InspectContainerResponse response) {
    Map<String, String> mounts = new HashMap<>();
    if (response.getMounts() == null) {
      return mounts;
    }
    for (InspectContainerResponse.Mount mount : response.getMounts()) {
      if (mount.getDestination() != null && mount.getSource() != null) {
        mounts.put(mount.getDestination().getPath(), mount.getSource());
      }
    }
    return mounts;
  }

  /**
   * Whether the engine's event log shows a kill or stop of the container while it ran. Only asked
   * for a container that exited by SIGKILL without the engine reporting an OOM kill.
   */
  private boolean killedByEngine(String id, Instant startedAt, Instant finishedAt) {
    EventTranslator translator = new EventTranslator(dialect);
    List<Event> history = Collections.synchronizedList(new ArrayList<>());
    ResultCallback.Adapter<Event> callback =
        new ResultCallback.Adapter<>() {
          @Override
          public void onNext(Event event) {
            history.add(event);
          }
        };
    requests
        .eventsCmd()
        .withContainerFilter(id)
        .withSince(Long.toString(startedAt.getEpochSecond() - 1))
        .withUntil(Long.toString(finishedAt.getEpochSecond() + 2))
        .exec(callback);
    try {
      if (!callback.awaitCompletion(10, TimeUnit.SECONDS)) {
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
    List<Event> seen;
    synchronized (history) {
      seen = List.copyOf(history);
    }
    return seen.stream()
        .flatMap(event -> translator.translate(event).stream())
        .anyMatch(
            event ->
                event.type() == RuntimeEvent.Type.KILL || event.type() == RuntimeEvent.Type.STOP);
  }

  private static Map<Integer, Integer> hostPorts(InspectContainerResponse response) {
    Map<Integer, Integer> ports = new HashMap<>();
    if (response.getNetworkSettings() == null || response.getNetworkSettings().getPorts() == null) {
      return ports;
    }
    response
        .getNetworkSettings()
        .getPorts()
        .getBindings()
        .forEach(
            (exposed, bindings) -> {
              if (bindings == null) {
                return;
              }
              for (Ports.Binding binding : bindings) {
                String hostPort = binding.getHostPortSpec();
                if (hostPort != null && !hostPort.isBlank()) {
                  ports.put(exposed.getPort(), Integer.parseInt(hostPort.strip()));
                  return;
                }
              }
            });
    return ports;
  }

  private static ContainerSummary summary(Container container) {
    String name =
        container.getNames() == null || container.getNames().length == 0
            ? ""
            : stripSlash(container.getNames()[0]);
    return new ContainerSummary(
        container.getId(),
        name,
        container.getImage() == null ? "" : container.getImage(),
        container.getState() == null ? "" : container.getState(),
        container.getLabels() == null ? Map.of() : container.getLabels());
  }

  /** The engines write times as RFC 3339; a never-happened time is year 1. */
  private static Optional<Instant> instant(String text) {
    if (text == null || text.isBlank() || text.startsWith("0001-")) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String stripSlash(String name) {
    return name != null && name.startsWith("/") ? name.substring(1) : name == null ? "" : name;
  }

  private <T> Mono<T> call(String what, Callable<T> action) {
    return Mono.fromCallable(JvmErrors.delivered(action))
        .subscribeOn(scheduler)
        .onErrorMap(
            error -> !(error instanceof JvmErrorException),
            error -> EngineErrors.map(error, what, engine));
  }

  private Mono<Void> run(String what, Runnable action) {
    return Mono.<Void>fromRunnable(JvmErrors.delivered(action))
        .subscribeOn(scheduler)
        .onErrorMap(
            error -> !(error instanceof JvmErrorException),
            error -> EngineErrors.map(error, what, engine));
  }

  private static void closeQuietly(DockerClient client) {
    try {
      client.close();
    } catch (IOException e) {
      // Closing releases pooled connections; there is nothing to do if that fails.
    }
  }
}
