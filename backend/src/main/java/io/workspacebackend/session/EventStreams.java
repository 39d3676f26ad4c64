package io.workspacebackend.session;

import io.workspacebackend.auth.ConnectionGrant;
import io.workspacebackend.auth.LiveConnections;
import io.workspacebackend.auth.SignedInUser;
import io.workspacebackend.invite.InviteEvents;
import io.workspacebackend.user.UserEvents;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code GET /api/events} sends to whom, in one place: everyone gets the events of their own
 * sessions; an admin gets everyone's, and {@code user} and {@code invite} events as well. An
 * admin's stream is let in by the admin role, so demoting (or disabling) them ends it: from then on
 * they see none of those events, and a new stream shows only their own sessions.
 */
@Component
class EventStreams {
  static final Duration HEARTBEAT = Duration.ofSeconds(15);

  private final SessionEvents sessions;
  private final UserEvents users;
  private final InviteEvents invites;
  private final LiveConnections connections;
  private final JsonMapper json;

  EventStreams(
      SessionEvents sessions,
      UserEvents users,
      InviteEvents invites,
      LiveConnections connections,
      JsonMapper json) {
    this.sessions = sessions;
    this.users = users;
    this.invites = invites;
    this.connections = connections;
    this.json = json;
  }

  /**
   * The caller's stream, with a comment heartbeat. When the caller's access is withdrawn it ends
   * with an {@code event: revoked} whose data is the problem a new request would get.
   */
  Flux<ServerSentEvent<?>> follow(SignedInUser caller) {
    UUID callerId = caller.account().id();
    boolean admin = SessionService.isAdmin(caller);
    Flux<ServerSentEvent<?>> updates = sessions.stream(owner -> admin || owner.equals(callerId));
    if (admin) {
      updates = Flux.merge(updates, administration());
    }
    Flux<ServerSentEvent<?>> heartbeats =
        Flux.interval(HEARTBEAT)
            .map(tick -> ServerSentEvent.builder().comment("heartbeat").build());
    // A first comment commits the response at once, so a client knows the stream is live before
    // anything changes. Merged last, it comes once the sources above are subscribed: a change
    // made after a client saw it is on the stream.
    Flux<ServerSentEvent<?>> connected =
        Flux.just(ServerSentEvent.builder().comment("connected").build());
    Flux<ServerSentEvent<?>> stream = Flux.merge(updates, heartbeats, connected);
    return connections.whileGranted(
        ConnectionGrant.apiStream(caller, admin),
        stream,
        why -> Flux.just(text("revoked", why.problem())));
  }

  /** Users and invite codes as they change, with a buffer of this subscriber's own. */
  private Flux<ServerSentEvent<?>> administration() {
    return Flux.merge(
            users.changes().map(user -> text("user", user)),
            invites.changes().map(invite -> text("invite", invite)))
        .onBackpressureBuffer(
            SessionEvents.PER_SUBSCRIBER_BUFFER, dropped -> {}, BufferOverflowStrategy.DROP_OLDEST);
  }

  /** Written as text, as {@link SessionEvents} writes its events, and for the same reason. */
  private ServerSentEvent<?> text(String name, Object data) {
    return ServerSentEvent.builder(json.writeValueAsString(data)).event(name).build();
  }
}
