package io.workspacebackend.proxy;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every answer on the path routes ({@code /sessions/…} and the {@code /session/{id}/term} alias)
 * carries {@code Content-Security-Policy: sandbox} and {@code X-Content-Type-Options: nosniff},
 * replacing whatever the container sent. Those routes share the API's origin, and a container
 * answers with whatever its user put there: a page loaded from them must not run script as the
 * API's origin. The headers are set just before the answer is committed, so errors (a 401 from the
 * security chain, a 404) carry them as well as forwarded answers.
 */
@Component
class PathRouteSandbox implements WebFilter, Ordered {
  /** Ahead of Spring Security's chain (-100), so that its answers are covered too. */
  static final int ORDER = -200;

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().value();
    if (path.startsWith("/sessions/") || path.startsWith("/session/")) {
      exchange
          .getResponse()
          .beforeCommit(
              () -> {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                headers.set("Content-Security-Policy", "sandbox");
                headers.set("X-Content-Type-Options", "nosniff");
                return Mono.empty();
              });
    }
    return chain.filter(exchange);
  }
}
