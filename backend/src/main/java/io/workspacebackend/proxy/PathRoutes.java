package io.workspacebackend.proxy;

import io.workspacebackend.auth.RequestSignIn;
import io.workspacebackend.auth.SignedInUser;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The path routes into a session, for programs: {@code /sessions/{id}/opencode/…}, {@code
 * /sessions/{id}/files/…}, ttyd's page under {@code /sessions/{id}/terminal/} with its token, and
 * the terminal WebSocket at {@code /sessions/{id}/terminal} (also {@code …/terminal/ws} and {@code
 * /session/{id}/term}). Their answers are sandboxed ({@link PathRouteSandbox}); browsers use the
 * session's own origin.
 *
 * <p>Answered here, ahead of Spring Security's chain and annotated dispatch, so that the least work
 * stands between the client's socket and the session's: the request is signed in once, by {@link
 * RequestSignIn} (the chain's own rules), and goes straight to {@link SessionProxy}.
 */
@Component
class PathRoutes implements WebFilter, Ordered {
  /**
   * After the sandbox (-200), which must cover these answers, and before Spring Security (-100).
   */
  static final int ORDER = -150;

  private static final Set<HttpMethod> GET_ONLY = Set.of(HttpMethod.GET);

  private final ServerWebExchangeFirewall firewall;
  private final ServerExchangeRejectedHandler rejected;
  private final RequestSignIn signIn;
  private final SessionProxy proxy;

  PathRoutes(
      ServerWebExchangeFirewall firewall,
      ServerExchangeRejectedHandler rejected,
      RequestSignIn signIn,
      SessionProxy proxy) {
    this.firewall = firewall;
    this.rejected = rejected;
    this.signIn = signIn;
    this.proxy = proxy;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    Route route = Route.of(exchange.getRequest());
    if (route == null) {
      return chain.filter(exchange);
    }
    return firewall
        .getFirewalledExchange(exchange)
        .flatMap(
            checked -> signIn.signedIn(checked).flatMap(user -> route.serve(proxy, user, checked)))
        .onErrorResume(
            ServerExchangeRejectedException.class, refused -> rejected.handle(exchange, refused));
  }

  /** What a path asks of a session, read off its segments without a pattern matcher. */
  private record Route(Kind kind, String sessionId, ProxiedService service) {
    enum Kind {
      HTTP,
      TERMINAL_TOKEN,
      TERMINAL,
      /** The terminal's address without its slash: the WebSocket, or ttyd's page for a browser. */
      TERMINAL_OR_PAGE,
      NOT_ALLOWED
    }

    /** The route {@code request} takes, or null when its path is no path route. */
    static Route of(ServerHttpRequest request) {
      String path = request.getPath().value();
      boolean get = HttpMethod.GET.equals(request.getMethod());
      if (path.startsWith("/session/")) {
        int slash = path.indexOf('/', "/session/".length());
        if (slash < 0 || !path.substring(slash).equals("/term")) {
          return null;
        }
        String id = path.substring("/session/".length(), slash);
        return new Route(get ? Kind.TERMINAL : Kind.NOT_ALLOWED, id, ProxiedService.TERMINAL);
      }
      if (!path.startsWith("/sessions/")) {
        return null;
      }
      int idEnd = path.indexOf('/', "/sessions/".length());
      if (idEnd < 0) {
        return null;
      }
      String id = path.substring("/sessions/".length(), idEnd);
      int serviceEnd = path.indexOf('/', idEnd + 1);
      String name = path.substring(idEnd + 1, serviceEnd < 0 ? path.length() : serviceEnd);
      ProxiedService service = ProxiedService.named(name).orElse(null);
      if (service == null || id.isEmpty()) {
        return null;
      }
      String rest = serviceEnd < 0 ? "" : path.substring(serviceEnd);
      if (service == ProxiedService.TERMINAL && get) {
        switch (rest) {
          case "" -> {
            return new Route(Kind.TERMINAL_OR_PAGE, id, service);
          }
          case "/ws" -> {
            return new Route(Kind.TERMINAL, id, service);
          }
          case "/token" -> {
            return new Route(Kind.TERMINAL_TOKEN, id, service);
          }
          default -> {
            // ttyd's page and its assets, below.
          }
        }
      }
      return new Route(Kind.HTTP, id, service);
    }

    Mono<Void> serve(SessionProxy proxy, SignedInUser user, ServerWebExchange exchange) {
      return switch (kind) {
        case HTTP -> proxy.http(user, sessionId, service, Mount.PATH_ROUTE, exchange);
        case TERMINAL_TOKEN -> proxy.terminalToken(user, sessionId, exchange);
        case TERMINAL -> proxy.terminal(user, sessionId, Mount.PATH_ROUTE, exchange);
        case TERMINAL_OR_PAGE ->
            "websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getUpgrade())
                ? proxy.terminal(user, sessionId, Mount.PATH_ROUTE, exchange)
                : proxy.redirectToPage(user, sessionId, exchange);
        case NOT_ALLOWED ->
            Mono.error(new MethodNotAllowedException(exchange.getRequest().getMethod(), GET_ONLY));
      };
    }
  }
}
