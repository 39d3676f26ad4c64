package io.workspacebackend.session;

import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.container.ContainerRuntime;
import io.workspacebackend.model.session.SessionStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Takes a {@code stopping} session to its end: its launch (if any) ends, its container is stopped
 * and removed with its network, then it is {@code stopped} (ports released, workspace and settings
 * kept) or, if it is being deleted, its row goes and {@code deleted} is announced. Whoever asks for
 * the end of one session while it is under way (a double click, a delete during a stop, the
 * reconciler) shares that one ending: two would race to remove the same container.
 */
@Component
class SessionEndings {
  private static final Logger log = LoggerFactory.getLogger(SessionEndings.class);

  private final ContainerRuntime runtime;
  private final SessionStore store;
  private final SessionTransitions transitions;
  private final SessionLauncher launcher;
  private final WorkspaceConfig config;
  private final Map<String, Mono<Void>> underWay = new ConcurrentHashMap<>();

  SessionEndings(
      ContainerRuntime runtime,
      SessionStore store,
      SessionTransitions transitions,
      SessionLauncher launcher,
      WorkspaceConfig config) {
    this.runtime = runtime;
    this.store = store;
    this.transitions = transitions;
    this.launcher = launcher;
    this.config = config;
  }

  /** Ends a stopping session; a stopped one being deleted only loses its row. */
  Mono<Void> finish(SessionRow row) {
    return underWay.computeIfAbsent(
        row.id(), id -> ending(row).doFinally(signal -> underWay.remove(id)).cache());
  }

  /** Completes once no ending of the session is under way (however that one ended). */
  Mono<Void> settled(String sessionId) {
    Mono<Void> ending = underWay.get(sessionId);
    return ending == null ? Mono.empty() : ending.onErrorResume(error -> Mono.empty());
  }

  private Mono<Void> ending(SessionRow row) {
    if (row.state() == SessionStatus.STOPPED) {
      // Nothing runs; whatever is labelled with it (a container made by hand) goes too.
      return SessionCleanup.removeContainerAndNetwork(runtime, row).then(forget(row));
    }
    Mono<Void> containerGone =
        launcher
            // A launch in progress notices "stopping" at its next step and ends.
            .whenIdle(row.id())
            .timeout(config.sessions().stopTimeout().plusSeconds(30), Mono.empty())
            .then(SessionCleanup.stopAndRemove(runtime, row, config.sessions().stopTimeout()));
    return containerGone
        .then(row.deleting() ? forget(row) : transitions.stopped(row.id()).then())
        .doOnError(
            error ->
                log.warn(
                    "ending session {} failed (it stays stopping; the next reconciliation tries"
                        + " again): {}",
                    row.id(),
                    error.getMessage()));
  }

  private Mono<Void> forget(SessionRow row) {
    return store.delete(row.id()).then(Mono.fromRunnable(() -> transitions.deleted(row)));
  }
}
