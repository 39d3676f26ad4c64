package io.workspacebackend.session;

import io.workspacebackend.auth.LiveConnections;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.session.StartupStep;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Every change of a session's state: checked against the state table ({@link
 * SessionStatus#next()}), stored, then announced on the event stream. A change the table does not
 * allow is refused: the row stays as it is and nothing is announced, so callers look at the state
 * they get back.
 */
@Component
class SessionTransitions {
  private static final Logger log = LoggerFactory.getLogger(SessionTransitions.class);

  private final SessionStore store;
  private final SessionEvents events;
  private final LiveConnections connections;
  private final SessionActivity activity;

  SessionTransitions(
      SessionStore store,
      SessionEvents events,
      LiveConnections connections,
      SessionActivity activity) {
    this.store = store;
    this.events = events;
    this.connections = connections;
    this.activity = activity;
  }

  /** A new session's launch begins (a started-again one is stored as starting already). */
  Mono<SessionRow> starting(String id) {
    return change(
        id,
        row ->
            row.state() == SessionStatus.PENDING
                ? moved(row, SessionStatus.STARTING, SessionRow::restarted)
                : row);
  }

  /**
   * A stopped or failed session starts again on a new container: a new secret, its ports leased
   * again (new ones if another session holds them), within its user's limits — all in one
   * transaction, see {@link SessionStore#resume}. Empty if it did not move (it was not stopped or
   * failed, or another start moved it first).
   */
  Mono<SessionRow> resumed(String id, int basePort) {
    AtomicBoolean moved = new AtomicBoolean();
    return store
        .resume(
            id,
            row -> {
              SessionRow next = moved(row, SessionStatus.STARTING, SessionRow::restarted);
              moved.set(!next.equals(row));
              return next;
            },
            basePort)
        .filter(row -> moved.get())
        .doOnNext(this::startedAgain);
  }

  /** A failed session whose container runs again: starting, if it may be (see the store). */
  Mono<SessionRow> restartedOutside(String id, String containerId) {
    return store.readopt(id, containerId).flatMap(Mono::justOrEmpty).doOnNext(this::startedAgain);
  }

  private void startedAgain(SessionRow row) {
    connections.sessionStarting(row.id());
    announce(row);
  }

  Mono<SessionRow> containerCreated(String id, String containerId) {
    return change(id, row -> row.withContainerId(containerId));
  }

  /** Running: its idle time counts from now. */
  Mono<SessionRow> running(String id) {
    return change(
            id,
            row ->
                row.state() == SessionStatus.STARTING
                    ? moved(row, SessionStatus.RUNNING, same -> same.running(now()))
                    : row)
        .doOnNext(row -> activity.worked(id));
  }

  /**
   * On its way to {@code stopped} (with {@code reason}), or to deletion. Everything open into the
   * session ends now, not when its container is gone.
   */
  Mono<SessionRow> stopping(String id, String reason, boolean toDeletion) {
    return change(
            id,
            row -> moved(row, SessionStatus.STOPPING, same -> same.stopping(reason, toDeletion)))
        .doOnNext(
            row -> {
              if (row.state() == SessionStatus.STOPPING) {
                if (row.deleting()) {
                  connections.sessionDeleted(id);
                } else {
                  connections.sessionStopped(id);
                }
              }
            });
  }

  /** Its container is gone, its ports released (see the store), its workspace kept. */
  Mono<SessionRow> stopped(String id) {
    return change(
        id,
        row ->
            row.deleting() ? row : moved(row, SessionStatus.STOPPED, same -> same.stopped(now())));
  }

  /** Fails a live session (not one being stopped on purpose); an ended one keeps its ending. */
  Mono<SessionRow> failed(String id, String reason, Integer exitCode) {
    return change(
            id,
            row ->
                row.state().isLive()
                    ? moved(row, SessionStatus.FAILED, same -> same.failed(now(), reason, exitCode))
                    : row)
        .doOnNext(
            row -> {
              if (row.state() == SessionStatus.FAILED) {
                connections.sessionFailed(id);
              }
            });
  }

  /** The session's row is gone: its last word on the event stream. */
  void deleted(SessionRow row) {
    activity.forget(row.id());
    events.deleted(row);
  }

  void progress(SessionRow row, StartupStep step) {
    events.progress(row, step);
  }

  /**
   * {@code row} moved to {@code next} by {@code change}, if the state table allows it; otherwise
   * {@code row} as it is. A row already in {@code next} stays as it is (no duplicate events).
   */
  static SessionRow moved(SessionRow row, SessionStatus next, UnaryOperator<SessionRow> change) {
    if (row.state() == next) {
      return row;
    }
    if (!row.state().mayMoveTo(next)) {
      log.debug("session {}: refused to move from {} to {}", row.id(), row.state(), next);
      return row;
    }
    SessionRow changed = change.apply(row);
    if (changed.state() != next) {
      throw new IllegalStateException("a change to " + next + " made " + changed.state());
    }
    return changed;
  }

  /**
   * Read when the change is applied, not when the pipeline is assembled; to the second, as the
   * database stores it, so an event and a later GET show the same time.
   */
  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  void announce(SessionRow row) {
    events.changed(row.toApi());
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
