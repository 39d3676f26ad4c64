package io.workspacebackend.session;

import io.workspacebackend.config.DurationFormat;
import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.model.session.SessionStatus;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stops (never deletes) running sessions that did no work for {@code sessions.idle_timeout}. Work
 * is what {@link SessionActivity} hears from the proxies, and, asked of opencode at every sweep,
 * its agent being busy ({@code GET /session/status} lists a session that is not idle): an agent
 * working alone for an hour is not idle, and idle time counts from when it last was seen working.
 */
@Component
class IdleSessions implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(IdleSessions.class);
  private static final Duration SHORTEST_SWEEP = Duration.ofSeconds(1);
  private static final Duration LONGEST_SWEEP = Duration.ofSeconds(30);
  private static final int SESSIONS_ASKED_AT_ONCE = 8;

  private final SessionStore store;
  private final SessionActivity activity;
  private final SessionLifecycle lifecycle;
  private final AgentStatus agent;
  private final Duration timeout;
  private volatile Disposable sweeps;

  IdleSessions(
      SessionStore store,
      SessionActivity activity,
      SessionLifecycle lifecycle,
      AgentStatus agent,
      WorkspaceConfig config) {
    this.store = store;
    this.activity = activity;
    this.lifecycle = lifecycle;
    this.agent = agent;
    this.timeout = config.sessions().idleTimeout();
  }

  /** A quarter of the timeout, within 1 to 30 s: a session stops at most that late. */
  static Duration sweepInterval(Duration timeout) {
    Duration quarter = timeout.dividedBy(4);
    if (quarter.compareTo(SHORTEST_SWEEP) < 0) {
      return SHORTEST_SWEEP;
    }
    return quarter.compareTo(LONGEST_SWEEP) > 0 ? LONGEST_SWEEP : quarter;
  }

  @Override
  public void start() {
    if (timeout.isZero()) {
      return;
    }
    sweeps =
        Flux.interval(sweepInterval(timeout))
            .onBackpressureDrop()
            .concatMap(tick -> sweep(), 1)
            .subscribe();
  }

  private Mono<Void> sweep() {
    return Flux.defer(() -> Flux.fromIterable(store.live()))
        .filter(row -> row.state() == SessionStatus.RUNNING)
        .flatMap(
            row ->
                agent
                    .busy(row)
                    .doOnNext(
                        busy -> {
                          if (busy) {
                            activity.worked(row.id());
                          }
                        })
                    .then(Mono.defer(() -> stopIfIdle(row))),
            SESSIONS_ASKED_AT_ONCE)
        .onErrorResume(
            error -> {
              log.warn("looking for idle sessions failed: {}", error.getMessage());
              return Mono.empty();
            })
        .then();
  }

  private Mono<Void> stopIfIdle(SessionRow row) {
    if (activity.idleNanos(row.id()) < timeout.toNanos()) {
      return Mono.empty();
    }
    String reason = "idle for " + DurationFormat.format(timeout);
    log.info("stopping session {} ({}): {}", row.id(), row.name(), reason);
    return lifecycle
        .stop(row, reason)
        .onErrorResume(
            error -> {
              // It stopped, failed or went meanwhile.
              log.debug("session {} was not stopped: {}", row.id(), error.getMessage());
              return Mono.empty();
            })
        .then();
  }

  @Override
  public void stop() {
    Disposable current = sweeps;
    if (current != null) {
      current.dispose();
    }
  }

  @Override
  public boolean isRunning() {
    Disposable current = sweeps;
    return current != null && !current.isDisposed();
  }
}
