package io.workspacebackend.sessionorigin;

import io.workspacebackend.auth.TrustedOrigins;
import io.workspacebackend.auth.UntrustedOriginException;
import io.workspacebackend.sessionorigin.SessionHosts.SessionHost;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers every request addressed to a session origin ({@code <id>.<session_domain>}) before
 * anything else sees it, so that none of the API — its routes, its cookie, its {@code
 * Authorization} header — is reachable there. In order: a host that names no session is 404; {@code
 * /api} and below is 404; the ticket endpoint swaps a ticket for the cookie; any other request must
 * come from this origin's own pages (when it says where it comes from, and always for a
 * state-changing request or a WebSocket), must carry this session's cookie, and then goes to the
 * session's service.
 */
@Component
class SessionOriginFilter implements WebFilter, Ordered {
  /** Before the path routes' sandbox (-200) and Spring Security's chain (-100). */
  static final int ORDER = -300;

  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD);

  private final SessionHosts hosts;
  private final TicketExchange tickets;
  private final SessionOriginSignIn signIn;
  private final SessionOriginRoutes routes;

  SessionOriginFilter(
      SessionHosts hosts,
      TicketExchange tickets,
      SessionOriginSignIn signIn,
      SessionOriginRoutes routes) {
    this.hosts = hosts;
    this.tickets = tickets;
    this.signIn = signIn;
    this.routes = routes;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    Optional<SessionHost> host = hosts.addressedBy(exchange.getRequest());
    if (host.isEmpty()) {
      return chain.filter(exchange);
    }
    Optional<String> sessionId = host.get().sessionId();
    if (sessionId.isEmpty()) {
      return Mono.error(
          new SessionOriginNotFoundException(
              "no session has this host name; open sessions"
                  + " through GET /api/sessions/{id}/open"));
    }
    return serve(exchange, sessionId.get());
  }

  private Mono<Void> serve(ServerWebExchange exchange, String sessionId) {
    ServerHttpRequest request = exchange.getRequest();
    String path = request.getPath().value();
    if (path.equals("/api") || path.startsWith("/api/")) {
      return Mono.error(
          new SessionOriginNotFoundException(
              "a session's origin does not serve the API; call it on the server's own origin"));
    }
    if (TicketExchange.addresses(request)) {
      return tickets.redeem(exchange, sessionId);
    }
    if (!fromOwnPages(request)) {
      String origin = request.getHeaders().getOrigin();
      return Mono.error(
          new UntrustedOriginException(
              origin == null
                  ? "on a session's origin, state-changing requests and WebSockets must come"
                      + " from its own pages (they carry an Origin header)"
                  : "requests from origin "
                      + origin
                      + " may not use this session's origin; only its own pages may"));
    }
    return signIn
        .signedIn(request, sessionId)
        .switchIfEmpty(Mono.error(() -> new NotSignedInHereException(sessionId)))
        .flatMap(
            user ->
                routes.route(
                    user,
                    sessionId,
                    exchange
                        .mutate()
                        .principal(Mono.<Principal>just(user.authentication()))
                        .build()));
  }

  /**
   * Whether the request comes from this origin's own pages as far as the browser says: an {@code
   * Origin} must be this very origin, and state-changing requests and WebSocket upgrades must have
   * one (browsers always send it for those; programs use the path routes, not this cookie).
   */
  private static boolean fromOwnPages(ServerHttpRequest request) {
    String origin = request.getHeaders().getOrigin();
    if (origin != null) {
      return TrustedOrigins.isSameOrigin(origin, request);
    }
    boolean webSocket = "websocket".equalsIgnoreCase(request.getHeaders().getUpgrade());
    return SAFE.contains(request.getMethod()) && !webSocket;
  }
}
