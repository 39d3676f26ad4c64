package io.workspacebackend.session;

import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.container.ContainerRuntime;
import io.workspacebackend.container.ContainerState;
import io.workspacebackend.container.ContainerSummary;
import io.workspacebackend.model.session.SessionStatus;
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
 * adopted, those whose containers are gone or stopped fail, unfinished deletions finish, and
 * labelled containers that belong to no live session are removed. On each fetch: one session.
 */
@Component
class SessionReconciler {
  private static final Logger log = LoggerFactory.getLogger(SessionReconciler.class);

  private final ContainerRuntime runtime;
  private final SessionStore store;
  private final SessionTransitions transitions;
  private final SessionLauncher launcher;
  private final WorkspaceConfig config;
  private final InstanceLabel instance;
  private final AtomicBoolean firstRun = new AtomicBoolean(true);

  SessionReconciler(
      ContainerRuntime runtime,
      SessionStore store,
      SessionTransitions transitions,
      SessionLauncher launcher,
      WorkspaceConfig config,
      InstanceLabel instance) {
    this.runtime = runtime;
    this.store = store;
    this.transitions = transitions;
    this.launcher = launcher;
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
    return store
        .listLive()
        .flatMapMany(Flux::fromIterable)
        .concatMap(row -> reconcileLive(row, startup).onErrorResume(e -> logged(row, e)))
        .then(store.listAll())
        .flatMap(
            all -> removeOrphans(all.stream().map(SessionRow::id).collect(Collectors.toSet())));
  }

  private Mono<Void> reconcileLive(SessionRow row, boolean startup) {
    if (launcher.isLaunching(row.id())) {
      return Mono.empty();
    }
    return switch (row.state()) {
      case PENDING ->
          startup
              ? transitions
                  .failed(row.id(), "the server stopped before the session started", null)
                  .then()
              : Mono.empty();
      case STARTING, RUNNING -> inspectAndAdopt(row);
      case STOPPING ->
          startup
              ? SessionCleanup.stopAndRemove(runtime, row, config.sessions().stopTimeout())
                  .then(store.delete(row.id()))
              : Mono.empty();
      case STOPPED, FAILED -> Mono.empty();
    };
  }

  private Mono<Void> inspectAndAdopt(SessionRow row) {
    if (row.containerId() == null) {
      return transitions
          .failed(row.id(), "the server stopped before the container was created", null)
          .then();
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
              return failFor(row, state).then();
            });
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

  private Mono<Void> removeOrphans(Set<String> knownSessionIds) {
    return runtime
        .listByLabels(instance.selector())
        .flatMapMany(Flux::fromIterable)
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
