package io.workspacebackend.proxy;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.resources.ConnectionProvider;

/**
 * The proxy's two network ends: one pooled Reactor Netty client for every session's services, and
 * the server side's WebSocket upgrade. Both legs of a WebSocket allow frames far above Reactor
 * Netty's 64 KiB default: ttyd sends large output frames, and a paste is one client frame.
 */
@Configuration(proxyBeanMethods = false)
class ProxyConfiguration {
  static final int MAX_FRAME_PAYLOAD = 8 * 1024 * 1024;
  private static final int MAX_CONNECTIONS = 1024;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  // Shorter than the services' own keep-alive timeouts, so that a pooled connection is not reused
  // just as the service closes it.
  private static final Duration POOL_IDLE = Duration.ofSeconds(20);

  @Bean(destroyMethod = "dispose")
  ProxyClients proxyClients() {
    ConnectionProvider pool =
        ConnectionProvider.builder("session-proxy")
            .maxConnections(MAX_CONNECTIONS)
            // Beyond this many requests waiting for a connection, a request is refused at once
            // (503) rather than queued without bound.
            .pendingAcquireMaxCount(2 * MAX_CONNECTIONS)
            .maxIdleTime(POOL_IDLE)
            .build();
    HttpClient http =
        HttpClient.create(pool)
            .compress(false)
            .followRedirect(false)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) CONNECT_TIMEOUT.toMillis());
    HandshakeWebSocketService webSockets =
        new HandshakeWebSocketService(
            new ReactorNettyRequestUpgradeStrategy(
                () ->
                    WebsocketServerSpec.builder()
                        .maxFramePayloadLength(MAX_FRAME_PAYLOAD)
                        .handlePing(true)));
    return new ProxyClients(http, webSockets, pool);
  }

  /** The upstream client, the server's WebSocket upgrade, and the pool to close on shutdown. */
  record ProxyClients(
      HttpClient http, HandshakeWebSocketService webSockets, ConnectionProvider pool) {
    void dispose() {
      pool.dispose();
    }
  }
}
