package io.workspacebackend.session;

import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.container.ContainerRuntime;
import io.workspacebackend.container.ContainerState;
import io.workspacebackend.container.ContainerSummary;
import io.workspacebackend.model.session.SessionStatus;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Brings the database in line with the engine. On start-up: sessions whose containers still run are
 * adopted, those whose containers are gone or stopped fail, launches the server's stop interrupted
 * fail and their containers are removed, unfinished stops and deletions finish (stopped sessions
 * stay stopped), failed sessions whose containers were started again are adopted, and labelled
 * containers that belong to no session, or to a stopped one, are removed. On each fetch: one
 * session.
 */
@Component
class SessionReconciler {
  private static final Logger log = LoggerFactory.getLogger(SessionReconciler.class);

  private final ContainerRuntime runtime;
  private final SessionStore store;
  private final SessionTransitions transitions;
  private final SessionLauncher launcher;
  private final SessionEndings endings;
  private final WorkspaceConfig config;
  private final InstanceLabel instance;
  private final AtomicBoolean firstRun = new AtomicBoolean(true);

  SessionReconciler(
      ContainerRuntime runtime,
      SessionStore store,
      SessionTransitions transitions,
      SessionLauncher launcher,
      SessionEndings endings,
      WorkspaceConfig config,
      InstanceLabel instance) {
    this.runtime = runtime;
    this.store = store;
    this.transitions = transitions;
    this.launcher = launcher;
    this.endings = endings;
    this.config = config;
    this.instance = instance;
  }

  /** The session as it really is: a live one whose container died or vanished becomes failed. */
  Mono<SessionRow> reconcile(SessionRow row) {
    if (row.containerId() == null
        || (row.state() != SessionStatus.RUNNING && row.state() != SessionStatus.STARTING)) {
      return Mono.just(row);
    }
    return runtime
        .inspect(row.containerId())
        .flatMap(
            state -> {
              if (state.isPresent() && !hasExited(state.get())) {
                return Mono.just(row);
              }
              return failFor(row, state).defaultIfEmpty(row);
            });
  }

  /** Running, or created and about to be started by its launch, is not an exit. */
  private static boolean hasExited(ContainerState state) {
    return !state.running() && !"created".equals(state.status());
  }

  /**
   * Reconciles every live session, then removes our containers that belong to no session at all (a
   * failed session keeps its exited container, for its logs, until it is deleted).
   */
  Mono<Void> reconcileLiveSessions() {
    boolean startup = firstRun.getAndSet(false);
    return Flux.defer(() -> Flux.fromIterable(store.live()))
        .concatMap(row -> reconcileLive(row, startup).onErrorResume(e -> logged(row, e)))
        .then(store.listAll())
        .flatMap(
            all ->
                adoptRestarted(all)
                    .then(
                        // A stopped session has no container: one labelled with it is left over.
                        removeOrphans(
                            all.stream()
                                .filter(row -> row.state() != SessionStatus.STOPPED)
                                .map(SessionRow::id)
                                .collect(Collectors.toSet()))));
  }

  private Mono<Void> reconcileLive(SessionRow row, boolean startup) {
    if (launcher.isLaunching(row.id())) {
      return Mono.empty();
    }
    return switch (row.state()) {
      case PENDING -> startup ? interruptedLaunch(row) : Mono.empty();
      case STARTING, RUNNING -> inspectAndAdopt(row);
      // A stop or deletion the server's stop (or the engine) cut short: finished now.
      case STOPPING -> endings.finish(row);
      case STOPPED, FAILED -> Mono.empty();
    };
  }

  private Mono<Void> inspectAndAdopt(SessionRow row) {
    if (row.containerId() == null) {
      return interruptedLaunch(row);
    }
    return runtime
        .inspect(row.containerId())
        .flatMap(
            state -> {
              if (state.isPresent() && state.get().running()) {
                if (row.state() == SessionStatus.STARTING) {
                  launcher.adopt(row);
                }
                return Mono.<Void>empty();
              }
              if (state.isPresent() && "created".equals(state.get().status())) {
                // Created but never started: the launch stopped between its steps.
                return interruptedLaunch(row);
              }
              return failFor(row, state).then();
            });
  }

  /**
   * A launch the server's stop cut short (even a kill -9 between creating the container and storing
   * its id): the session fails and whatever it made is removed, found by the session's label.
   */
  private Mono<Void> interruptedLaunch(SessionRow row) {
    return transitions
        .failed(row.id(), "the server stopped while the session was starting", null)
        .then(SessionCleanup.removeContainerAndNetwork(runtime, row));
  }

  /**
   * A start the backend did not make: of a failed session's container, it is adopted if the session
   * may run again (its ports free, its user under the limit), and stopped otherwise.
   */
  Mono<Void> startedAgain(String sessionId, String containerId) {
    if (launcher.isLaunching(sessionId)) {
      return Mono.empty();
    }
    return store
        .find(sessionId)
        .flatMap(Mono::justOrEmpty)
        .filter(row -> row.state() == SessionStatus.FAILED && containerId.equals(row.containerId()))
        .flatMap(
            failed ->
                transitions
                    .restartedOutside(sessionId, containerId)
                    .doOnNext(
                        row -> {
                          log.info(
                              "session {}'s container was started again; adopting it", sessionId);
                          launcher.readopt(row);
                        })
                    .switchIfEmpty(
                        Mono.defer(
                            () -> {
                              log.warn(
                                  "session {}'s container was started again but the session"
                                      + " cannot run now (its ports are taken or its user is at a"
                                      + " limit); stopping it",
                                  sessionId);
                              return runtime
                                  .stop(containerId, config.sessions().stopTimeout())
                                  .then(Mono.empty());
                            })))
        .then();
  }

  private Mono<SessionRow> failFor(SessionRow row, Optional<ContainerState> state) {
    if (state.isEmpty()) {
      return transitions.failed(row.id(), "the container disappeared", null);
    }
    ContainerState stopped = state.get();
    String reason =
        stopped.oomKilled()
            ? "the container was killed: out of memory (exit code " + stopped.exitCode() + ")"
            : "the container exited with code " + stopped.exitCode();
    return transitions.failed(row.id(), reason, stopped.exitCode());
  }

  /** Failed sessions whose containers were started again while no event stream watched. */
  private Mono<Void> adoptRestarted(List<SessionRow> all) {
    return Flux.fromIterable(all)
        .filter(row -> row.state() == SessionStatus.FAILED && row.containerId() != null)
        .concatMap(
            row ->
                runtime
                    .inspect(row.containerId())
                    .filter(state -> state.isPresent() && state.get().running())
                    .flatMap(running -> startedAgain(row.id(), row.containerId()))
                    .onErrorResume(e -> logged(row, e)))
        .then();
  }

  private Mono<Void> removeOrphans(Set<String> knownSessionIds) {
    return runtime
        .listByLabels(instance.selector())
        .flatMapMany(Flux::fromIterable)
        // Warm slots' containers are WarmPoolReconciler's.
        .filter(container -> !WarmSlots.isWarm(container.labels()))
        .filter(
            container ->
                !knownSessionIds.contains(container.labels().get(ContainerRuntime.SESSION_LABEL)))
        .concatMap(this::removeOrphan)
        .then();
  }

  private Mono<Void> removeOrphan(ContainerSummary container) {
    log.info(
        "removing container {} ({}): it belongs to no session", container.name(), container.id());
    return runtime.remove(container.id());
  }

  private Mono<Void> logged(SessionRow row, Throwable error) {
    log.warn("reconciling session {} failed: {}", row.id(), error.getMessage());
    return Mono.empty();
  }
}
