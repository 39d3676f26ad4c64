package io.workspacebackend.auth;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Finds the request's token, in the contract's order: {@code Authorization: Bearer}, the {@code
 * workspace_token} cookie, then the {@code token} query parameter, which counts only on WebSocket
 * upgrades and terminal page loads (where a browser cannot set a header). A request that repeats a
 * source, or sends both a header and a query token, is refused: which one was meant is a guess. The
 * cookie is ambient (a browser sends it unasked), so an explicit token simply outranks it.
 */
final class TokenAuthenticationConverter implements ServerAuthenticationConverter {
  static final String COOKIE = CredentialCookies.API;
  static final String QUERY_PARAMETER = "token";
  private static final String BEARER = "bearer ";
  private static final Pattern TERMINAL_PAGE = Pattern.compile("^/sessions/[^/]+/terminal/.*");
  private static final Pattern TERMINAL_SOCKET =
      Pattern.compile("^/sessions/[^/]+/terminal$|^/session/[^/]+/term$");

  @Override
  public Mono<Authentication> convert(ServerWebExchange exchange) {
    ServerHttpRequest request = exchange.getRequest();
    List<String> headers = request.getHeaders().getOrEmpty(HttpHeaders.AUTHORIZATION);
    List<HttpCookie> cookies = request.getCookies().getOrDefault(COOKIE, List.of());
    List<String> parameters =
        queryTokenAllowed(request)
            ? request.getQueryParams().getOrDefault(QUERY_PARAMETER, List.of())
            : List.of();
    if (headers.size() > 1 || cookies.size() > 1 || parameters.size() > 1) {
      return Mono.error(new BadCredentialsException("more than one token of one kind"));
    }
    if (!headers.isEmpty() && !parameters.isEmpty()) {
      return Mono.error(new BadCredentialsException("both a header and a query token"));
    }
    String token;
    if (!headers.isEmpty()) {
      String header = headers.get(0);
      if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
        return Mono.error(new BadCredentialsException("Authorization is not a Bearer token"));
      }
      token = header.substring(BEARER.length()).strip();
    } else if (!cookies.isEmpty()) {
      token = cookies.get(0).getValue();
    } else if (!parameters.isEmpty()) {
      token = parameters.get(0);
    } else {
      return Mono.empty();
    }
    if (token == null || token.isBlank()) {
      return Mono.error(new BadCredentialsException("empty token"));
    }
    return Mono.just(new PresentedToken(token));
  }

  /**
   * Only where a browser cannot set a header: loading the terminal's page, and the handshake of the
   * terminal's WebSocket. Both are GETs; an {@code Upgrade} header alone, on any other route or
   * method, is no reason (a program can send it with any request, a token leaked through a URL
   * would then open every route).
   */
  private static boolean queryTokenAllowed(ServerHttpRequest request) {
    if (!HttpMethod.GET.equals(request.getMethod())) {
      return false;
    }
    String path = request.getPath().value();
    boolean webSocketUpgrade =
        "websocket".equalsIgnoreCase(request.getHeaders().getFirst(HttpHeaders.UPGRADE));
    return TERMINAL_PAGE.matcher(path).matches()
        || (webSocketUpgrade && TERMINAL_SOCKET.matcher(path).matches());
  }
}
