package io.workspacebackend.session;

import io.workspacebackend.auth.LiveConnections;
import io.workspacebackend.model.session.SessionStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Every change of a session's state: stored first, then announced on the event stream. */
@Component
class SessionTransitions {
  private final SessionStore store;
  private final SessionEvents events;
  private final LiveConnections connections;

  SessionTransitions(SessionStore store, SessionEvents events, LiveConnections connections) {
    this.store = store;
    this.events = events;
    this.connections = connections;
  }

  Mono<SessionRow> starting(String id) {
    return change(
        id,
        row -> row.state() == SessionStatus.PENDING ? row.withStatus(SessionStatus.STARTING) : row);
  }

  /** A failed session whose container runs again: starting, if it may be (see the store). */
  Mono<SessionRow> restartedOutside(String id, String containerId, int maxPerUser) {
    return store
        .readopt(id, containerId, maxPerUser)
        .flatMap(Mono::justOrEmpty)
        .doOnNext(
            row -> {
              connections.sessionRestarted(id);
              announce(row);
            });
  }

  Mono<SessionRow> containerCreated(String id, String containerId) {
    return change(id, row -> row.withContainerId(containerId));
  }

  Mono<SessionRow> running(String id) {
    return change(id, row -> row.state() == SessionStatus.STARTING ? row.running(now()) : row);
  }

  Mono<SessionRow> stopping(String id) {
    return change(id, row -> row.state().isLive() ? row.withStatus(SessionStatus.STOPPING) : row);
  }

  /** A deleted session's last word on the event stream, just before its row goes. */
  Mono<SessionRow> stopped(String id) {
    return change(
        id,
        row ->
            row.state() == SessionStatus.STOPPING
                ? row.ended(SessionStatus.STOPPED, now(), null, null)
                : row);
  }

  /** Fails a live session (not one being stopped on purpose); an ended one keeps its ending. */
  Mono<SessionRow> failed(String id, String reason, Integer exitCode) {
    return change(
            id,
            row ->
                row.state().isLive() && row.state() != SessionStatus.STOPPING
                    ? row.ended(SessionStatus.FAILED, now(), reason, exitCode)
                    : row)
        .doOnNext(
            row -> {
              if (row.state() == SessionStatus.FAILED) {
                connections.sessionFailed(id);
              }
            });
  }

  /**
   * Read when the change is applied, not when the pipeline is assembled; to the second, as the
   * database stores it, so an event and a later GET show the same time.
   */
  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  void announce(SessionRow row) {
    events.publish(row.toApi());
  }

  /** Stores the change; announces it only if it changed something (no duplicate events). */
  private Mono<SessionRow> change(String id, UnaryOperator<SessionRow> change) {
    AtomicBoolean changed = new AtomicBoolean();
    return store
        .update(
            id,
            row -> {
              SessionRow next = change.apply(row);
              changed.set(!next.equals(row));
              return next;
            })
        .doOnNext(
            row -> {
              if (changed.get()) {
                announce(row);
              }
            });
  }
}
