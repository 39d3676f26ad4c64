package io.workspacebackend.session;

import io.workspacebackend.model.session.Session;
import java.time.Duration;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Fans session changes out to {@code GET /api/events} subscribers. Each subscriber has its own
 * bounded buffer that drops its oldest changes when full, so a slow client only loses its own
 * updates (the next change or a GET brings it up to date) and never holds up the others.
 */
@Component
class SessionEvents {
  static final Duration HEARTBEAT = Duration.ofSeconds(15);
  private static final int PER_SUBSCRIBER_BUFFER = 256;

  private final Sinks.Many<Session> changes = Sinks.many().multicast().directBestEffort();

  /** Announces a session's new state; safe to call from any thread. */
  synchronized void publish(Session session) {
    changes.tryEmitNext(session);
  }

  /**
   * Every change from now on, delivered on the thread that announces it; a subscriber must be quick
   * and keep requesting (this is for the server's own listeners, not for clients).
   */
  Flux<Session> changes() {
    return changes.asFlux();
  }

  /** Changes of the sessions {@code visible} lets through, with a comment heartbeat. */
  Flux<ServerSentEvent<Session>> stream(java.util.function.Predicate<Session> visible) {
    Flux<ServerSentEvent<Session>> updates =
        changes
            .asFlux()
            .onBackpressureBuffer(
                PER_SUBSCRIBER_BUFFER, dropped -> {}, BufferOverflowStrategy.DROP_OLDEST)
            .filter(visible)
            .map(
                session ->
                    ServerSentEvent.builder(session)
                        .event("session")
                        .id(session.id().toString())
                        .build());
    Flux<ServerSentEvent<Session>> heartbeats =
        Flux.interval(HEARTBEAT)
            .map(tick -> ServerSentEvent.<Session>builder().comment("heartbeat").build());
    // A first comment commits the response at once, so a client knows the stream is live
    // before anything changes.
    ServerSentEvent<Session> connected =
        ServerSentEvent.<Session>builder().comment("connected").build();
    return Flux.merge(updates, heartbeats).startWith(connected);
  }
}
