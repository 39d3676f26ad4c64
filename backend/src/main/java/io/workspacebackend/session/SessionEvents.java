package io.workspacebackend.session;

import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionDeleted;
import io.workspacebackend.model.session.SessionProgress;
import io.workspacebackend.model.session.StartupStep;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fans what happens to sessions out to {@code GET /api/events} subscribers: a session's new state
 * ({@code session}), a step of its start ({@code progress}) and its deletion ({@code deleted}).
 * Each subscriber has its own bounded buffer that drops its oldest events when full, so a slow
 * client only loses its own updates (the next change or a GET brings it up to date) and never holds
 * up the others.
 */
@Component
class SessionEvents {
  static final int PER_SUBSCRIBER_BUFFER = 256;

  /** One event, with the user whose session it concerns (who, besides admins, may see it). */
  sealed interface Event {
    UUID userId();

    /** The event's name on the stream. */
    String name();

    Object data();
  }

  record Changed(Session data) implements Event {
    @Override
    public UUID userId() {
      return data.userId();
    }

    @Override
    public String name() {
      return "session";
    }
  }

  record Progress(UUID userId, SessionProgress data) implements Event {
    @Override
    public String name() {
      return "progress";
    }
  }

  record Deleted(UUID userId, SessionDeleted data) implements Event {
    @Override
    public String name() {
      return "deleted";
    }
  }

  private final Sinks.Many<Event> events = Sinks.many().multicast().directBestEffort();
  private final JsonMapper json;

  SessionEvents(JsonMapper json) {
    this.json = json;
  }

  /** Announces a session's new state; safe to call from any thread. */
  void changed(Session session) {
    publish(new Changed(session));
  }

  void progress(SessionRow row, StartupStep step) {
    publish(
        new Progress(row.toApi().userId(), new SessionProgress(row.uuid(), step, Instant.now())));
  }

  void deleted(SessionRow row) {
    publish(new Deleted(UUID.fromString(row.userId()), new SessionDeleted(row.uuid())));
  }

  private synchronized void publish(Event event) {
    events.tryEmitNext(event);
  }

  /**
   * Every change of state from now on, delivered on the thread that announces it; a subscriber must
   * be quick and keep requesting (this is for the server's own listeners, not for clients).
   */
  Flux<Session> changes() {
    return events.asFlux().filter(Changed.class::isInstance).map(event -> ((Changed) event).data());
  }

  /**
   * As text, written here: the stream's writer then wraps bytes and allocates no pooled buffer,
   * which Spring's writer can leave unreleased when a client goes in the middle of an event.
   */
  private ServerSentEvent<String> toSse(Event event) {
    ServerSentEvent.Builder<String> sse =
        ServerSentEvent.builder(json.writeValueAsString(event.data())).event(event.name());
    if (event instanceof Changed changed) {
      sse.id(changed.data().id().toString());
    }
    return sse.build();
  }

  /**
   * The events of the users {@code visible} lets through, each subscriber with its own buffer;
   * {@link EventStreams} adds heartbeats and the other features' events.
   */
  Flux<ServerSentEvent<?>> stream(Predicate<UUID> visible) {
    return events
        .asFlux()
        .onBackpressureBuffer(
            PER_SUBSCRIBER_BUFFER, dropped -> {}, BufferOverflowStrategy.DROP_OLDEST)
        .filter(event -> visible.test(event.userId()))
        .map(this::toSse);
  }
}
