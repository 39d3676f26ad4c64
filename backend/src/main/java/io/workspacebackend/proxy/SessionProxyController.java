package io.workspacebackend.proxy;

import io.workspacebackend.auth.ConnectionGrant;
import io.workspacebackend.auth.LiveConnections;
import io.workspacebackend.auth.SignedInUser;
import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.proxy.HeaderPolicy.Direction;
import io.workspacebackend.proxy.ProxyConfiguration.ProxyClients;
import io.workspacebackend.session.ProxyTarget;
import io.workspacebackend.session.SessionTargets;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The proxies into a session: {@code /sessions/{id}/opencode/**}, {@code /sessions/{id}/files/**},
 * ttyd's page under {@code /sessions/{id}/terminal/}, and the terminal WebSocket. Each request
 * takes one path: caller (already authenticated) → their session → the service → stream.
 */
@RestController
class SessionProxyController {
  /** {@code /sessions/{id}/<service>}: the segments stripped before forwarding. */
  private static final int PREFIX_SEGMENTS = 3;

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
  private final OriginCheck origins;
  private final JsonMapper json;
  private final Duration startupTimeout;
  private final LiveConnections connections;

  SessionProxyController(
      SessionTargets sessions,
      ProxyClients clients,
      WorkspaceConfig config,
      JsonMapper json,
      LiveConnections connections) {
    this.sessions = sessions;
    this.forwarder = new HttpForwarder(clients.http(), connections, json);
    this.connections = connections;
    this.clients = clients;
    this.origins = new OriginCheck(config.server().allowedOrigins());
    this.json = json;
    this.startupTimeout = config.sessions().startupTimeout();
  }

  @RequestMapping("/sessions/{id}/opencode/**")
  Mono<Void> opencode(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable String id,
      ServerWebExchange exchange) {
    return http(user, id, ProxiedService.OPENCODE, exchange);
  }

  @RequestMapping("/sessions/{id}/files/**")
  Mono<Void> files(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable String id,
      ServerWebExchange exchange) {
    return http(user, id, ProxiedService.FILES, exchange);
  }

  @RequestMapping("/sessions/{id}/terminal/**")
  Mono<Void> terminalPage(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable String id,
      ServerWebExchange exchange) {
    return http(user, id, ProxiedService.TERMINAL, exchange);
  }

  @GetMapping("/sessions/{id}/terminal/token")
  Mono<Void> terminalToken(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable String id,
      ServerWebExchange exchange) {
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

  @GetMapping({"/sessions/{id}/terminal", "/session/{id}/term", "/sessions/{id}/terminal/ws"})
  Mono<Void> terminal(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable String id,
      ServerWebExchange exchange) {
    ServerHttpRequest request = exchange.getRequest();
    boolean upgrade = "websocket".equalsIgnoreCase(request.getHeaders().getUpgrade());
    if (!upgrade && request.getPath().value().equals("/sessions/" + id + "/terminal")) {
      // A browser that opens the terminal's address gets ttyd's page.
      return sessions.find(user, id).flatMap(target -> redirectToPage(exchange));
    }
    if (upgrade && !origins.allows(request)) {
      return Mono.error(new ForeignOriginException(request.getHeaders().getOrigin()));
    }
    return sessions
        .find(user, id)
        .flatMap(StartupGate::admit)
        .flatMap(
            target -> {
              Upstream upstream = Upstream.of(target, ProxiedService.TERMINAL);
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
                      grant(user, target));
              return clients.webSockets().handleRequest(exchange, bridge);
            });
  }

  private Mono<Void> http(
      SignedInUser user, String id, ProxiedService service, ServerWebExchange exchange) {
    return sessions
        .find(user, id)
        .flatMap(StartupGate::admit)
        .flatMap(
            target ->
                forwarder.forward(
                    exchange, Upstream.of(target, service), PREFIX_SEGMENTS, grant(user, target)));
  }

  private static ConnectionGrant grant(SignedInUser user, ProxyTarget target) {
    return ConnectionGrant.intoSession(user, target.sessionId(), target.ownerId());
  }

  private static Mono<Void> redirectToPage(ServerWebExchange exchange) {
    ServerHttpRequest request = exchange.getRequest();
    String query = request.getURI().getRawQuery();
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(HttpStatus.FOUND);
    response
        .getHeaders()
        .setLocation(
            URI.create(request.getPath().value() + "/" + (query == null ? "" : "?" + query)));
    return response.setComplete();
  }
}
