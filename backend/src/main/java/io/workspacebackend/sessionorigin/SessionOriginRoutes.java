package io.workspacebackend.sessionorigin;

import io.workspacebackend.auth.SignedInUser;
import io.workspacebackend.proxy.Mount;
import io.workspacebackend.proxy.ProxiedService;
import io.workspacebackend.proxy.SessionProxy;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Which service a path on a session origin reaches, each at the root its pages expect: {@code
 * /terminal/} is ttyd's page (its WebSocket at {@code /terminal/ws}, its token at {@code
 * /terminal/token}), {@code /files/…} the file server, and everything else opencode, whose web UI
 * lives at {@code /}. All of it goes through the same {@link SessionProxy} as the path routes.
 */
@Component
class SessionOriginRoutes {
  private final SessionProxy proxy;

  SessionOriginRoutes(SessionProxy proxy) {
    this.proxy = proxy;
  }

  Mono<Void> route(SignedInUser user, String sessionId, ServerWebExchange exchange) {
    String path = exchange.getRequest().getPath().value();
    if (path.equals("/terminal") || path.equals("/files")) {
      return proxy.redirectToPage(user, sessionId, exchange);
    }
    if (path.equals("/terminal/ws")) {
      return proxy.terminal(user, sessionId, Mount.SESSION_ORIGIN, exchange);
    }
    if (path.equals("/terminal/token")) {
      return proxy.terminalToken(user, sessionId, exchange);
    }
    ProxiedService service =
        path.startsWith("/terminal/")
            ? ProxiedService.TERMINAL
            : path.startsWith("/files/") ? ProxiedService.FILES : ProxiedService.OPENCODE;
    return proxy.http(user, sessionId, service, Mount.SESSION_ORIGIN, exchange);
  }
}
