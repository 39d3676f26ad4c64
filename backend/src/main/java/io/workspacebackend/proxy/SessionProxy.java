package io.workspacebackend.proxy;

import io.workspacebackend.auth.ConnectionGrant;
import io.workspacebackend.auth.LiveConnections;
import io.workspacebackend.auth.SignedInUser;
import io.workspacebackend.auth.TrustedOrigins;
import io.workspacebackend.auth.UntrustedOriginException;
import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.proxy.HeaderPolicy.Direction;
import io.workspacebackend.proxy.ProxyConfiguration.ProxyClients;
import io.workspacebackend.session.ProxyTarget;
import io.workspacebackend.session.SessionActivity;
import io.workspacebackend.session.SessionTargets;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The way into a session's services, for the path routes and the session origins alike. Each
 * request takes one path: the signed-in caller → their session (or 404) → its state → the service →
 * stream. Whoever calls here has authenticated the caller already.
 */
@Component
public class SessionProxy {
  /** A running session's ttyd gets a few tries (it may be restarting a connection), not minutes. */
  private static final Duration RUNNING_PATIENCE = Duration.ofSeconds(5);

  /**
   * ttyd's page fetches its WebSocket token here. The real one is base64 of the session's secret,
   * which never leaves the server: the page gets a placeholder, and the proxy puts the real token
   * into the page's init message on the way to ttyd.
   */
  private static final byte[] PLACEHOLDER_TOKEN =
      "{\"token\":\"\"}".getBytes(StandardCharsets.UTF_8);

  private final SessionTargets sessions;
  private final HttpForwarder forwarder;
  private final ProxyClients clients;
  private final TrustedOrigins origins;
  private final JsonMapper json;
  private final Duration startupTimeout;
  private final LiveConnections connections;
  private final SessionActivity activity;

  SessionProxy(
      SessionTargets sessions,
      ProxyClients clients,
      TrustedOrigins origins,
      WorkspaceConfig config,
      JsonMapper json,
      LiveConnections connections,
      SessionActivity activity) {
    this.activity = activity;
    this.sessions = sessions;
    this.forwarder =
        new HttpForwarder(
            clients.http(),
            connections,
            json,
            config.sessions().responseTimeout(),
            config.sessions().streamIdleTimeout());
    this.connections = connections;
    this.clients = clients;
    this.origins = origins;
    this.json = json;
    this.startupTimeout = config.sessions().startupTimeout();
  }

  /** Forwards an HTTP request to one of the session's services and streams the answer back. */
  public Mono<Void> http(
      SignedInUser user,
      String id,
      ProxiedService service,
      Mount mount,
      ServerWebExchange exchange) {
    return sessions
        .find(user, id)
        .flatMap(StartupGate::admitHttp)
        .flatMap(
            target -> {
              if (isWork(exchange.getRequest())) {
                activity.worked(target.sessionId());
              }
              Upstream upstream = Upstream.of(target, service, mount);
              return forwarder.forward(
                  exchange, upstream, Mount.segments(upstream.prefix()), grant(user, target));
            });
  }

  /** ttyd's {@code token} endpoint, answered here with a placeholder (see above). */
  public Mono<Void> terminalToken(SignedInUser user, String id, ServerWebExchange exchange) {
    return sessions
        .find(user, id)
        .flatMap(StartupGate::admit)
        .flatMap(
            target -> {
              ServerHttpResponse response = exchange.getResponse();
              response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
              response.getHeaders().setCacheControl("no-store");
              return response.writeWith(
                  Mono.just(response.bufferFactory().wrap(PLACEHOLDER_TOKEN)));
            });
  }

  /**
   * The terminal WebSocket, joined to ttyd's. A page may open it only from a trusted origin: a
   * cookie alone must not let a foreign page into a terminal. Without {@code Origin} the client is
   * a program, which had to present its credential itself.
   */
  public Mono<Void> terminal(
      SignedInUser user, String id, Mount mount, ServerWebExchange exchange) {
    ServerHttpRequest request = exchange.getRequest();
    String origin = request.getHeaders().getOrigin();
    if (origin != null && !origins.trusts(origin, request)) {
      return Mono.error(
          new UntrustedOriginException(
              "WebSocket connections from origin "
                  + origin
                  + " are not allowed; add it to server.allowed_origins to allow it"));
    }
    return sessions
        .find(user, id)
        .flatMap(StartupGate::admit)
        .flatMap(
            target -> {
              Upstream upstream = Upstream.of(target, ProxiedService.TERMINAL, mount);
              HttpHeaders dial =
                  HeaderPolicy.apply(
                      Direction.REQUEST,
                      request.getHeaders(),
                      HttpForwarder.forwarding(request, upstream));
              // The upstream handshake is Reactor Netty's own; ttyd checks no origin.
              dial.remove(HttpHeaders.ORIGIN);
              String query = ForwardedPath.withoutToken(request.getURI().getRawQuery());
              TerminalBridge bridge =
                  new TerminalBridge(
                      clients.http(),
                      upstream,
                      dial,
                      "/ws" + (query.isEmpty() ? "" : "?" + query),
                      upstream.starting() ? startupTimeout : RUNNING_PATIENCE,
                      new TerminalInit(ProxiedService.ttydAuthToken(target.serviceSecret()), json),
                      ProxyConfiguration.MAX_FRAME_PAYLOAD,
                      connections,
                      grant(user, target),
                      () -> activity.worked(target.sessionId()));
              return clients.webSockets().handleRequest(exchange, bridge);
            });
  }

  /**
   * Whether a request is work that keeps its session from being idle: not an event stream opened (a
   * browser tab left open keeps one; what the agent does is asked of it instead) and not a health
   * check.
   */
  static boolean isWork(ServerHttpRequest request) {
    String accept = request.getHeaders().getFirst(HttpHeaders.ACCEPT);
    return (accept == null || !accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE))
        && !request.getPath().value().endsWith("/health");
  }

  /** What a connection into the session rests on: it ends when that is withdrawn. */
  private static ConnectionGrant grant(SignedInUser user, ProxyTarget target) {
    return ConnectionGrant.intoSession(user, target.sessionId(), target.ownerId());
  }

  /**
   * Sends a browser that opened a service's address without its trailing slash to the page below
   * it, once the caller may use the session (so the redirect says nothing to anyone else).
   */
  public Mono<Void> redirectToPage(SignedInUser user, String id, ServerWebExchange exchange) {
    return sessions
        .find(user, id)
        .flatMap(
            target -> {
              ServerHttpRequest request = exchange.getRequest();
              String query = request.getURI().getRawQuery();
              ServerHttpResponse response = exchange.getResponse();
              response.setStatusCode(HttpStatus.FOUND);
              response
                  .getHeaders()
                  .setLocation(
                      URI.create(
                          request.getPath().value() + "/" + (query == null ? "" : "?" + query)));
              return response.setComplete();
            });
  }
}
