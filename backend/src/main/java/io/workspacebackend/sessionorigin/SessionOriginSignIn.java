package io.workspacebackend.sessionorigin;

import io.workspacebackend.auth.CredentialCookies;
import io.workspacebackend.auth.SignIns;
import io.workspacebackend.auth.SignedInUser;
import java.util.List;
import org.springframework.http.HttpCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who a request on a session origin comes from: the user named by a {@code workspace_session}
 * cookie for this session, if the login token that opened it still counts (not logged out, user
 * enabled). Whether that user may still use the session (owner or admin, session not deleted) is
 * checked next, by the proxy, as for every request into a session. Nothing else signs in here: the
 * API's cookie and {@code Authorization} headers are ignored.
 */
@Component
class SessionOriginSignIn {
  private final SessionCookies cookies;
  private final SignIns signIns;

  SessionOriginSignIn(SessionCookies cookies, SignIns signIns) {
    this.cookies = cookies;
    this.signIns = signIns;
  }

  /** The signed-in user; empty when no cookie of the request signs in to {@code sessionId}. */
  Mono<SignedInUser> signedIn(ServerHttpRequest request, String sessionId) {
    // Several cookies of the name can arrive (a sibling host may add one for a parent domain):
    // the first that is valid for this session counts.
    List<HttpCookie> presented =
        request.getCookies().getOrDefault(CredentialCookies.SESSION, List.of());
    return Flux.fromIterable(presented)
        .concatMap(cookie -> Mono.justOrEmpty(cookies.read(cookie.getValue(), sessionId)))
        .next()
        .flatMap(
            claims -> signIns.current(claims.userId(), claims.tokenId(), claims.tokenExpiresAt()));
  }
}
