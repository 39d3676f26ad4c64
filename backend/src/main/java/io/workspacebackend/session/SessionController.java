package io.workspacebackend.session;

import io.workspacebackend.auth.SignedInUser;
import io.workspacebackend.model.session.CreateSessionRequest;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStats;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code /api/sessions} and {@code /api/events}. */
@RestController
class SessionController {
  private static final int MAX_TAIL = 100_000;

  private final SessionService sessions;
  private final SessionLifecycle lifecycle;
  private final EventStreams events;

  SessionController(SessionService sessions, SessionLifecycle lifecycle, EventStreams events) {
    this.sessions = sessions;
    this.lifecycle = lifecycle;
    this.events = events;
  }

  @PostMapping("/api/sessions")
  Mono<ResponseEntity<Session>> create(
      @AuthenticationPrincipal SignedInUser user,
      @RequestBody(required = false) CreateSessionRequest request) {
    CreateSessionRequest body =
        request == null ? new CreateSessionRequest(null, null, null, null) : request;
    return sessions
        .create(user, body)
        .map(
            session ->
                ResponseEntity.created(URI.create("/api/sessions/" + session.id())).body(session));
  }

  @GetMapping("/api/sessions")
  Mono<List<Session>> list(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam(name = "all", defaultValue = "false") boolean all) {
    return sessions.list(user, all);
  }

  @GetMapping("/api/sessions/{id}")
  Mono<Session> get(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
    return sessions.get(user, id);
  }

  @DeleteMapping("/api/sessions/{id}")
  Mono<ResponseEntity<Void>> delete(
      @AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
    return lifecycle.delete(user, id).then(Mono.just(ResponseEntity.noContent().build()));
  }

  /** 202: the session is stopping; {@code stopped} follows on the event stream. */
  @PostMapping("/api/sessions/{id}/stop")
  Mono<ResponseEntity<Session>> stop(
      @AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
    return lifecycle.stop(user, id).map(session -> ResponseEntity.accepted().body(session));
  }

  /** 202: the session is starting; {@code running} follows on the event stream. */
  @PostMapping("/api/sessions/{id}/start")
  Mono<ResponseEntity<Session>> start(
      @AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
    return lifecycle.start(user, id).map(session -> ResponseEntity.accepted().body(session));
  }

  @GetMapping(value = "/api/sessions/{id}/logs", produces = MediaType.TEXT_PLAIN_VALUE)
  Flux<String> logs(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable String id,
      @RequestParam(name = "tail", defaultValue = "200") int tail,
      @RequestParam(name = "follow", defaultValue = "false") boolean follow) {
    if (tail < -1 || tail > MAX_TAIL) {
      return Flux.error(new ServerWebInputException("tail must be -1 (all) or 0 to " + MAX_TAIL));
    }
    return sessions.logs(user, id, tail, follow);
  }

  @GetMapping("/api/sessions/{id}/stats")
  Mono<SessionStats> stats(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
    return sessions.stats(user, id);
  }

  /** What the caller may see change: see {@link EventStreams}. */
  @GetMapping(value = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  Flux<ServerSentEvent<?>> events(@AuthenticationPrincipal SignedInUser user) {
    return events.follow(user);
  }
}
