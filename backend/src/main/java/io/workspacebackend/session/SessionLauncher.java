package io.workspacebackend.session;

import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.container.ContainerRuntime;
import io.workspacebackend.container.ContainerSpec;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.session.StartupStep;
import io.workspacebackend.reactive.JvmErrors;
import io.workspacebackend.reactive.JvmErrors.JvmErrorException;
import io.workspacebackend.session.WorkspaceDirectories.WorkspaceMount;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Starts a session's container in the background: network, workspace directory, container, start,
 * then waits until its services answer. Steps that do not need each other run at once: the
 * session's {@code starting} state is stored while the network and the workspace directory are
 * made, and the container's id is stored while its mount is checked. The workspace is checked after
 * the container is created and again after it is started (when the engine mounts it): a session
 * never runs on a mount of anything but its own workspace directory. A failure on the way marks the
 * session failed and removes what was made. Between steps the launch checks that the session is
 * still {@code starting}: stopping or deleting it moves it to {@code stopping}, and the launch then
 * stops at its next step (while waiting for the services, at once), so the ending can wait for it
 * and find everything it made. Each step done is announced as {@code progress}.
 */
@Component
class SessionLauncher {
  private static final Logger log = LoggerFactory.getLogger(SessionLauncher.class);

  private final ContainerRuntime runtime;
  private final SessionStore store;
  private final SessionTransitions transitions;
  private final SessionEvents events;
  private final ServiceReadiness readiness;
  private final WorkspaceConfig config;
  private final InstanceLabel instance;
  private final WorkspaceDirectories workspaces;
  private final SessionLimits limits;
  private final Map<String, Sinks.Empty<Void>> launches = new ConcurrentHashMap<>();

  SessionLauncher(
      ContainerRuntime runtime,
      SessionStore store,
      SessionTransitions transitions,
      SessionEvents events,
      ServiceReadiness readiness,
      WorkspaceConfig config,
      InstanceLabel instance,
      WorkspaceDirectories workspaces,
      SessionLimits limits) {
    this.limits = limits;
    this.runtime = runtime;
    this.store = store;
    this.transitions = transitions;
    this.events = events;
    this.readiness = readiness;
    this.config = config;
    this.instance = instance;
    this.workspaces = workspaces;
  }

  /**
   * Starts the launch and returns at once; the session's state, and a {@code progress} event per
   * step, tell how it goes.
   */
  void launch(SessionRow row, Map<String, String> sessionEnv) {
    launch(row, sessionEnv, Mono.empty());
  }

  /**
   * Launches a stopped or failed session again; first removes what its last run left (a failed
   * session keeps its exited container, for its logs, until now).
   */
  void relaunch(SessionRow row, Map<String, String> sessionEnv) {
    launch(row, sessionEnv, SessionCleanup.removeContainerAndNetwork(runtime, row));
  }

  private void launch(SessionRow row, Map<String, String> sessionEnv, Mono<Void> clearFirst) {
    String id = row.id();
    LaunchWatch watch = new LaunchWatch(events.changes(), id);
    LaunchClock clock = new LaunchClock(id);
    // Each step runs to its end even if another fails, so what a failed launch made is all there
    // when the cleanup (or a deletion waiting for this launch) looks for it.
    Mono<Void> launch =
        clearFirst.then(
            Mono.zipDelayError(
                    clock.time(
                        "store starting",
                        transitions
                            .starting(id)
                            .switchIfEmpty(Mono.error(LaunchAbandonedException::new))
                            .flatMap(stored -> isStarting(stored).thenReturn(stored))),
                    clock.time(
                        "create network",
                        runtime
                            .createNetwork(
                                row.networkName(), SessionContainers.labels(row, instance))
                            .doOnSuccess(network -> progress(row, StartupStep.NETWORK))),
                    clock.time("prepare workspace", prepareWorkspace(row)))
                .flatMap(
                    done ->
                        watch
                            .check()
                            .then(startContainer(row, sessionEnv, done.getT3(), watch, clock)))
                .then(clock.time("store running", transitions.running(id)))
                .then());
    track(id, clock.time("launch", launch), watch);
  }

  private Mono<Void> startContainer(
      SessionRow row,
      Map<String, String> sessionEnv,
      WorkspaceMount workspace,
      LaunchWatch watch,
      LaunchClock clock) {
    ContainerSpec spec =
        SessionContainers.spec(row, workspace.path(), sessionEnv, limits, instance);
    return clock
        .time("create container", runtime.create(spec))
        .doOnNext(containerId -> progress(row, StartupStep.CONTAINER_CREATED))
        .flatMap(
            containerId ->
                Mono.whenDelayError(
                        clock.time(
                            "store container id",
                            transitions.containerCreated(row.id(), containerId)),
                        clock.time(
                            "check mount",
                            MountSource.check(runtime, containerId, workspace.path())))
                    .then(watch.check())
                    .then(clock.time("start container", runtime.start(containerId)))
                    .then(Mono.fromRunnable(() -> progress(row, StartupStep.CONTAINER_STARTED)))
                    .then(
                        Mono.when(
                            // The engine mounts when it starts the container.
                            checkInPlace(workspace),
                            clock.time(
                                "services answer",
                                awaitServices(
                                    row, containerId, watch, step -> progress(row, step))))));
  }

  private void progress(SessionRow row, StartupStep step) {
    transitions.progress(row, step);
  }

  /** Waits for a container that already runs (adopted after a restart) to become ready. */
  void adopt(SessionRow row) {
    LaunchWatch watch = new LaunchWatch(events.changes(), row.id());
    track(
        row.id(),
        stillStarting(row.id())
            .then(awaitServices(row, row.containerId(), watch, step -> {}))
            .then(transitions.running(row.id()))
            .then(),
        watch);
  }

  /**
   * Waits for a failed session's container, started again from outside, to become ready. Its
   * workspace is checked as at a launch (a plain directory, reached through no link, is what the
   * engine recorded): the engine mounted the path again when it started the container.
   */
  void readopt(SessionRow row) {
    String containerId = row.containerId();
    LaunchWatch watch = new LaunchWatch(events.changes(), row.id());
    track(
        row.id(),
        stillStarting(row.id())
            .then(prepareWorkspace(row))
            .flatMap(workspace -> MountSource.check(runtime, containerId, workspace.path()))
            .then(awaitServices(row, containerId, watch, step -> {}))
            .then(transitions.running(row.id()))
            .then(),
        watch);
  }

  boolean isLaunching(String sessionId) {
    return launches.containsKey(sessionId);
  }

  /** Completes once no launch of the session is in progress. */
  Mono<Void> whenIdle(String sessionId) {
    Sinks.Empty<Void> done = launches.get(sessionId);
    return done == null ? Mono.empty() : done.asMono();
  }

  private Mono<Void> awaitServices(
      SessionRow row, String containerId, LaunchWatch watch, Consumer<StartupStep> onReady) {
    Duration timeout = config.sessions().startupTimeout();
    return readiness.await(
        row.ports(),
        row.serviceSecret(),
        timeout,
        ServiceReadiness.exited(runtime, containerId).or(watch.whenLeft()),
        onReady);
  }

  /** The session's workspace directory, made right before the mount, following no symlink. */
  private Mono<WorkspaceMount> prepareWorkspace(SessionRow row) {
    return Mono.fromCallable(
            JvmErrors.delivered(
                () -> {
                  try {
                    return workspaces.prepare(Path.of(row.workspacePath()));
                  } catch (InvalidWorkspaceException e) {
                    throw new WorkspaceMovedException(e.getMessage());
                  }
                }))
        .subscribeOn(Schedulers.boundedElastic());
  }

  /** After the mount, the workspace's path still names the same directory, through no link. */
  private Mono<Void> checkInPlace(WorkspaceMount workspace) {
    return Mono.fromCallable(JvmErrors.delivered(() -> workspaces.stillInPlace(workspace)))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            inPlace ->
                inPlace
                    ? Mono.<Void>empty()
                    : Mono.error(
                        new WorkspaceMovedException(
                            "the workspace "
                                + workspace.path()
                                + " changed while it was mounted")));
  }

  /**
   * Errors with {@link LaunchAbandonedException} unless the stored session is starting; a launch
   * asks once, then its {@link LaunchWatch} tells it when that changes.
   */
  private Mono<Void> stillStarting(String sessionId) {
    return store.find(sessionId).flatMap(row -> isStarting(row.orElse(null)));
  }

  private Mono<Void> isStarting(SessionRow row) {
    return row != null && row.state() == SessionStatus.STARTING
        ? Mono.empty()
        : Mono.error(new LaunchAbandonedException());
  }

  private void track(String sessionId, Mono<Void> launch, LaunchWatch watch) {
    Sinks.Empty<Void> done = Sinks.empty();
    launches.put(sessionId, done);
    launch
        .onErrorResume(error -> fail(sessionId, error))
        .doFinally(
            signal -> {
              watch.dispose();
              launches.remove(sessionId, done);
              done.tryEmitEmpty();
            })
        .subscribe();
  }

  private Mono<Void> fail(String sessionId, Throwable error) {
    if (error instanceof LaunchAbandonedException) {
      // Being stopped: the ending removes what this launch made once it sees the launch end.
      return Mono.empty();
    }
    String reason =
        error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    Integer exitCode =
        error instanceof ServiceReadiness.ContainerExitedException exited ? exited.exitCode : null;
    if (error instanceof JvmErrorException) {
      // This server is broken (a class missing from its runtime, say), not the engine or image.
      log.error("session {} failed to start", sessionId, error);
    } else {
      log.warn("session {} failed to start: {}", sessionId, reason);
    }
    return transitions
        .failed(sessionId, reason, exitCode)
        .flatMap(row -> SessionCleanup.removeContainerAndNetwork(runtime, row))
        .onErrorResume(
            cleanupError -> {
              log.warn("cleaning up session {} failed: {}", sessionId, cleanupError.getMessage());
              return Mono.empty();
            })
        .then();
  }

  /** The workspace is not, or no longer, a plain directory where the session said it is. */
  static final class WorkspaceMovedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WorkspaceMovedException(String reason) {
      super("refused to mount the workspace: " + reason, null, false, false);
    }
  }

  /** The session left {@code starting} (it is being stopped) while its launch was under way. */
  static final class LaunchAbandonedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LaunchAbandonedException() {
      super("the session is no longer starting", null, false, false);
    }
  }
}
