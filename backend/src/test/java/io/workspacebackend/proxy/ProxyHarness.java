package io.workspacebackend.proxy;

import io.workspacebackend.auth.ConnectionGrant;
import io.workspacebackend.auth.LiveConnections;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.proxy.HeaderPolicy.Direction;
import io.workspacebackend.proxy.ProxyConfiguration.ProxyClients;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The proxy's own parts (forwarder, header policy, WebSocket bridge) on a real server, in front of
 * an upstream on a given port: {@code /p/**} is forwarded as a session service's prefix is, and
 * {@code /ws} is bridged as the terminal is. No session, no container: what reaches the upstream
 * can be seen exactly. Every connection is registered under {@link #GRANT} with {@link
 * #connections}, which a test revokes and counts.
 */
final class ProxyHarness implements AutoCloseable {
  static final String SECRET = "harness-secret";
  static final String SESSION = "harness-session";
  static final ConnectionGrant GRANT =
      new ConnectionGrant(UUID.randomUUID(), "harness-token", SESSION, false);

  final LiveConnections connections = new LiveConnections(Clock.systemUTC());

  private final ProxyClients clients = new ProxyConfiguration().proxyClients();
  private final DisposableServer server;
  private final int upstreamPort;
  private final SessionStatus status;
  private final Duration patience;

  /** Generous enough for a loaded machine, for tests that are not about timeouts. */
  private static final Duration PATIENT = Duration.ofSeconds(60);

  ProxyHarness(int upstreamPort, SessionStatus status, Duration patience) {
    this(upstreamPort, status, patience, PATIENT, PATIENT);
  }

  ProxyHarness(
      int upstreamPort,
      SessionStatus status,
      Duration patience,
      Duration responseTimeout,
      Duration streamIdleTimeout) {
    this.upstreamPort = upstreamPort;
    this.status = status;
    this.patience = patience;
    HttpForwarder forwarder =
        new HttpForwarder(
            clients.http(),
            connections,
            JsonMapper.builder().build(),
            responseTimeout,
            streamIdleTimeout);
    var handler =
        WebHttpHandlerBuilder.webHandler(
                exchange ->
                    exchange.getRequest().getPath().value().equals("/ws")
                        ? clients.webSockets().handleRequest(exchange, bridge(exchange))
                        : forwarder.forward(
                            exchange, upstream(ProxiedService.FILES, "/p"), 1, GRANT))
            .exceptionHandler(ProxyHarness::render)
            .build();
    server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle(new ReactorHttpHandlerAdapter(handler))
            .bindNow();
  }

  int port() {
    return server.port();
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  private Upstream upstream(ProxiedService service, String prefix) {
    return new Upstream(service, prefix, upstreamPort, SECRET, status);
  }

  private TerminalBridge bridge(ServerWebExchange exchange) {
    Upstream upstream = upstream(ProxiedService.TERMINAL, "/ws");
    HttpHeaders dial =
        HeaderPolicy.apply(
            Direction.REQUEST,
            exchange.getRequest().getHeaders(),
            HttpForwarder.forwarding(exchange.getRequest(), upstream));
    return new TerminalBridge(
        clients.http(),
        upstream,
        dial,
        "/ws",
        patience,
        new TerminalInit(ProxiedService.ttydAuthToken(SECRET), JsonMapper.builder().build()),
        ProxyConfiguration.MAX_FRAME_PAYLOAD,
        connections,
        GRANT,
        () -> {});
  }

  /** As the backend's problem handler does, minus the body: status and headers. */
  private static Mono<Void> render(ServerWebExchange exchange, Throwable error) {
    if (error instanceof ErrorResponse response && !exchange.getResponse().isCommitted()) {
      exchange.getResponse().setStatusCode(response.getStatusCode());
      exchange.getResponse().getHeaders().putAll(response.getHeaders());
      return exchange.getResponse().setComplete();
    }
    return Mono.error(error);
  }

  @Override
  public void close() {
    server.disposeNow();
    clients.dispose();
  }
}
