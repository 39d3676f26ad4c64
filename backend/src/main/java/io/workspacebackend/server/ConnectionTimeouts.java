package io.workspacebackend.server;

import java.time.Duration;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What a connection may hold without sending anything: without these, a client that opens
 * connections and sends nothing (or half a request, or a body it never finishes) keeps each open
 * for ever, until the server runs out of file descriptors. Slower dribbling, a byte every few
 * seconds, is a job for a reverse proxy in front (see {@code examples/nginx-tls.conf}).
 */
@Configuration(proxyBeanMethods = false)
class ConnectionTimeouts {
  /**
   * A connection waiting for its (next) request, or for the rest of its request line and headers.
   */
  static final Duration IDLE = Duration.ofSeconds(60);

  /** The longest pause while a request body arrives; an upload that stalls this long is cut. */
  static final Duration BODY_READ = Duration.ofSeconds(60);

  @Bean
  NettyServerCustomizer idleAndReadTimeouts() {
    return server -> server.idleTimeout(IDLE).readTimeout(BODY_READ);
  }
}
