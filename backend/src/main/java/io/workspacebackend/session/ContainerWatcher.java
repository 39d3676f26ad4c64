package io.workspacebackend.session;

import io.workspacebackend.container.ContainerRuntime;
import io.workspacebackend.container.ContainerState;
import io.workspacebackend.container.RuntimeEvent;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Follows the engine's event stream for our containers: one that dies on its own fails its session
 * at once, with the exit code and, for the OOM killer, a reason saying so; a failed session's
 * container started again from outside ({@code docker restart}) is adopted, and its session is
 * running again once its services answer. A lost stream is re-subscribed with backoff, and each
 * (re)subscription reconciles what it may have missed.
 */
@Component
class ContainerWatcher implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(ContainerWatcher.class);

  private final ContainerRuntime runtime;
  private final SessionTransitions transitions;
  private final SessionReconciler reconciler;
  private final InstanceLabel instance;
  private final AtomicBoolean streamLost = new AtomicBoolean();
  private volatile Disposable subscription;

  ContainerWatcher(
      ContainerRuntime runtime,
      SessionTransitions transitions,
      SessionReconciler reconciler,
      InstanceLabel instance) {
    this.runtime = runtime;
    this.transitions = transitions;
    this.reconciler = reconciler;
    this.instance = instance;
  }

  @Override
  public void start() {
    subscription =
        Mono.defer(() -> reconciler.reconcileLiveSessions())
            .doOnSuccess(
                reconciled -> {
                  if (streamLost.getAndSet(false)) {
                    log.info("container event stream is back");
                  }
                })
            .thenMany(runtime.events(instance.selector()))
            .concatMap(this::onEvent)
            .doOnError(this::lost)
            .retryWhen(
                Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
                    .maxBackoff(Duration.ofSeconds(30)))
            .subscribe();
  }

  /** Said once per outage, not on every retry while the engine stays away. */
  private void lost(Throwable error) {
    if (streamLost.compareAndSet(false, true)) {
      log.warn("container event stream lost ({}); re-subscribing", error.getMessage());
    } else {
      log.debug("container event stream still unavailable ({})", error.getMessage());
    }
  }

  private Mono<Void> onEvent(RuntimeEvent event) {
    String sessionId = event.labels().get(ContainerRuntime.SESSION_LABEL);
    if (sessionId == null) {
      return Mono.empty();
    }
    if (event.type() == RuntimeEvent.Type.START) {
      return reconciler
          .startedAgain(sessionId, event.containerId())
          .onErrorResume(
              error -> {
                log.warn(
                    "adopting session {}'s restarted container failed: {}",
                    sessionId,
                    error.getMessage());
                return Mono.empty();
              });
    }
    if (event.type() != RuntimeEvent.Type.DIE) {
      return Mono.empty();
    }
    return runtime
        .inspect(event.containerId())
        .flatMap(state -> died(sessionId, event, state))
        .onErrorResume(
            error -> {
              log.warn(
                  "handling the death of session {}'s container failed: {}",
                  sessionId,
                  error.getMessage());
              return Mono.empty();
            });
  }

  private Mono<Void> died(String sessionId, RuntimeEvent event, Optional<ContainerState> state) {
    int exitCode = state.map(ContainerState::exitCode).orElse(event.exitCode().orElse(-1));
    boolean oomKilled = state.map(ContainerState::oomKilled).orElse(false);
    String reason =
        oomKilled
            ? "the container was killed: out of memory (exit code " + exitCode + ")"
            : "the container exited with code " + exitCode;
    return transitions.failed(sessionId, reason, exitCode).then();
  }

  @Override
  public void stop() {
    Disposable current = subscription;
    if (current != null) {
      current.dispose();
    }
  }

  @Override
  public boolean isRunning() {
    Disposable current = subscription;
    return current != null && !current.isDisposed();
  }
}
