package io.workspacebackend.session;

import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.container.ContainerRuntime;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Starts a session's container in the background: network, container, start, then waits until its
 * services answer. A failure on the way marks the session failed and removes what was made. A
 * launch in progress can be cancelled (deleting a starting session).
 */
@Component
class SessionLauncher {
  private static final Logger log = LoggerFactory.getLogger(SessionLauncher.class);

  private final ContainerRuntime runtime;
  private final SessionTransitions transitions;
  private final ServiceReadiness readiness;
  private final WorkspaceConfig config;
  private final Map<String, Disposable> launches = new ConcurrentHashMap<>();

  SessionLauncher(
      ContainerRuntime runtime,
      SessionTransitions transitions,
      ServiceReadiness readiness,
      WorkspaceConfig config) {
    this.runtime = runtime;
    this.transitions = transitions;
    this.readiness = readiness;
    this.config = config;
  }

  /** Starts the launch and returns at once; the session's state tells how it goes. */
  void launch(SessionRow row, Map<String, String> sessionEnv) {
    Mono<Void> launch =
        transitions
            .starting(row.id())
            .then(runtime.createNetwork(row.networkName(), SessionContainers.labels(row)))
            .then(runtime.create(SessionContainers.spec(row, sessionEnv, config.container())))
            .flatMap(
                containerId ->
                    transitions
                        .containerCreated(row.id(), containerId)
                        .then(runtime.start(containerId))
                        .then(awaitServices(row, containerId)))
            .then(transitions.running(row.id()))
            .then();
    track(row.id(), launch);
  }

  /** Waits for a container that already runs (adopted after a restart) to become ready. */
  void adopt(SessionRow row) {
    track(
        row.id(), awaitServices(row, row.containerId()).then(transitions.running(row.id())).then());
  }

  boolean isLaunching(String sessionId) {
    return launches.containsKey(sessionId);
  }

  /** Cancels a launch in progress, if any; its partial container is removed by the caller. */
  void cancel(String sessionId) {
    Disposable launch = launches.remove(sessionId);
    if (launch != null) {
      launch.dispose();
    }
  }

  private Mono<Void> awaitServices(SessionRow row, String containerId) {
    Duration timeout = config.sessions().startupTimeout();
    return readiness.await(runtime, containerId, row.ports(), row.serviceSecret(), timeout);
  }

  private void track(String sessionId, Mono<Void> launch) {
    Disposable running =
        launch
            .onErrorResume(error -> fail(sessionId, error))
            .doFinally(signal -> launches.remove(sessionId))
            .subscribe();
    launches.put(sessionId, running);
  }

  private Mono<Void> fail(String sessionId, Throwable error) {
    String reason =
        error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    Integer exitCode =
        error instanceof ServiceReadiness.ContainerExitedException exited ? exited.exitCode : null;
    log.warn("session {} failed to start: {}", sessionId, reason);
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
}
