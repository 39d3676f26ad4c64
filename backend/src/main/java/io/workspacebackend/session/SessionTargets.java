package io.workspacebackend.session;

import io.workspacebackend.auth.SignedInUser;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The proxies' one way into sessions: a caller's session, or 404 as for a missing one. */
@Component
public class SessionTargets {
  private final SessionService sessions;

  SessionTargets(SessionService sessions) {
    this.sessions = sessions;
  }

  /** Errors with {@link SessionNotFoundException} for unknown and foreign sessions alike. */
  public Mono<ProxyTarget> find(SignedInUser user, String sessionId) {
    return sessions
        .owned(user, sessionId)
        .map(
            row ->
                new ProxyTarget(
                    row.id(), row.userId(), row.state(), row.ports(), row.serviceSecret()));
  }
}
