package io.workspacebackend.session;

import io.workspacebackend.auth.SignedInUser;
import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stop, start and delete: the moves of a session's life that its owner (or an admin, or the idle
 * culler) asks for, each checked against the state table by {@link SessionTransitions}. Like every
 * use case that names a session, each first checks the caller may see it (SessionService#owned).
 */
@Service
class SessionLifecycle {
  /** An engine that does not answer a quick question within this fails the request with 503. */
  private static final Duration ENGINE_QUESTION_TIMEOUT = Duration.ofSeconds(10);

  /** The stop reason of a session being deleted (seen only while it is stopping). */
  private static final String DELETED = "being deleted";

  private final SessionService sessions;
  private final SessionTransitions transitions;
  private final SessionEndings endings;
  private final SessionLauncher launcher;
  private final ImagePresence images;
  private final WorkspaceConfig config;
  private final JsonMapper json;

  SessionLifecycle(
      SessionService sessions,
      SessionTransitions transitions,
      SessionEndings endings,
      SessionLauncher launcher,
      ImagePresence images,
      WorkspaceConfig config,
      JsonMapper json) {
    this.sessions = sessions;
    this.transitions = transitions;
    this.endings = endings;
    this.launcher = launcher;
    this.images = images;
    this.config = config;
    this.json = json;
  }

  /**
   * Stops and removes the container, releases the ports, forgets the session; keeps its files. A
   * stop under way finishes first; deletes asked for at once share one deletion.
   */
  Mono<Void> delete(SignedInUser user, String id) {
    return sessions.owned(user, id).flatMap(row -> deletion(row.id()));
  }

  private Mono<Void> deletion(String id) {
    return endings
        .settled(id)
        .then(Mono.defer(() -> transitions.stopping(id, DELETED, true)))
        .flatMap(
            row -> {
              if (row.state() == SessionStatus.STOPPING && !row.deleting()) {
                // A stop began between the two steps above: it ends first.
                return endings.finish(row).then(Mono.defer(() -> deletion(id)));
              }
              return endings.finish(row);
            });
  }

  /**
   * Moves the session to {@code stopping} and stops it in the background; the answer does not wait
   * for {@code stopped}. Stopping a stopping or stopped session changes nothing.
   */
  Mono<Session> stop(SignedInUser user, String id) {
    return sessions
        .owned(user, id)
        .flatMap(
            row -> {
              if (row.state() == SessionStatus.STOPPING || row.state() == SessionStatus.STOPPED) {
                return Mono.just(row);
              }
              if (!row.state().canStop()) {
                return Mono.error(
                    new SessionStateConflict(
                        row, "a failed session has nothing to stop; start or delete it"));
              }
              return stop(row, stoppedBy(user, row));
            })
        .map(SessionRow::toApi);
  }

  /** Stops a live session for {@code reason} (the idle culler's way in too). */
  Mono<SessionRow> stop(SessionRow row, String reason) {
    return transitions
        .stopping(row.id(), reason, false)
        .flatMap(
            stopping -> {
              if (stopping.state() != SessionStatus.STOPPING) {
                return Mono.error(
                    new SessionStateConflict(stopping, "it can no longer be stopped"));
              }
              endings.finish(stopping).onErrorResume(error -> Mono.empty()).subscribe();
              return Mono.just(stopping);
            });
  }

  /**
   * Starts a stopped or failed session again on its workspace, image, env and resource settings: a
   * new container, a new secret, its ports again (new ones if they were taken meanwhile), within
   * its user's limits. Starting a session that is on its way to running, or runs, changes nothing.
   */
  Mono<Session> start(SignedInUser user, String id) {
    return sessions
        .owned(user, id)
        .flatMap(
            row -> {
              if (row.state().isLive() && row.state() != SessionStatus.STOPPING) {
                return Mono.just(row);
              }
              if (!row.state().canStart()) {
                return Mono.error(
                    new SessionStateConflict(row, "start it again once it is stopped"));
              }
              return images
                  .require(
                      row.image(),
                      ENGINE_QUESTION_TIMEOUT,
                      message -> new SessionStateConflict(row, "it cannot start: " + message))
                  .then(transitions.resumed(row.id(), config.container().basePort()))
                  .doOnNext(resumed -> launcher.relaunch(resumed, storedEnv(resumed)))
                  // Another start moved it first: as for a session already starting.
                  .switchIfEmpty(Mono.defer(() -> sessions.owned(user, id)))
                  .flatMap(
                      now ->
                          now.state().isLive() && now.state() != SessionStatus.STOPPING
                              ? Mono.just(now)
                              : Mono.error(
                                  new SessionStateConflict(now, "it can no longer be started")));
            })
        .map(SessionRow::toApi);
  }

  private Map<String, String> storedEnv(SessionRow row) {
    return json.readValue(row.env(), new TypeReference<Map<String, String>>() {});
  }

  private static String stoppedBy(SignedInUser user, SessionRow row) {
    return row.userId().equals(user.account().id().toString())
        ? "stopped by its owner"
        : "stopped by " + user.account().username() + " (admin)";
  }
}
