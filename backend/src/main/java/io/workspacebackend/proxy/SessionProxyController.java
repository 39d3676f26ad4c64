package io.workspacebackend.proxy;

import io.workspacebackend.auth.SignedInUser;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The path routes into a session, for programs: {@code /sessions/{id}/opencode/**}, {@code
 * /sessions/{id}/files/**}, ttyd's page under {@code /sessions/{id}/terminal/}, and the terminal
 * WebSocket. Their answers are sandboxed (see {@link PathRouteSandbox}); browsers use the session's
 * own origin.
 */
@RestController
class SessionProxyController {
  private final SessionProxy proxy;

  SessionProxyController(SessionProxy proxy) {
    this.proxy = proxy;
  }

  @RequestMapping("/sessions/{id}/opencode/**")
  Mono<Void> opencode(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable String id,
      ServerWebExchange exchange) {
    return proxy.http(user, id, ProxiedService.OPENCODE, Mount.PATH_ROUTE, exchange);
  }

  @RequestMapping("/sessions/{id}/files/**")
  Mono<Void> files(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable String id,
      ServerWebExchange exchange) {
    return proxy.http(user, id, ProxiedService.FILES, Mount.PATH_ROUTE, exchange);
  }

  @RequestMapping("/sessions/{id}/terminal/**")
  Mono<Void> terminalPage(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable String id,
      ServerWebExchange exchange) {
    return proxy.http(user, id, ProxiedService.TERMINAL, Mount.PATH_ROUTE, exchange);
  }

  @GetMapping("/sessions/{id}/terminal/token")
  Mono<Void> terminalToken(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable String id,
      ServerWebExchange exchange) {
    return proxy.terminalToken(user, id, exchange);
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
      return proxy.redirectToPage(user, id, exchange);
    }
    return proxy.terminal(user, id, Mount.PATH_ROUTE, exchange);
  }
}
