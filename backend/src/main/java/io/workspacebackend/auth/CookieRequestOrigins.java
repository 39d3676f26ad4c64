package io.workspacebackend.auth;

import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a state-changing request (POST, PUT, PATCH, DELETE) that is authenticated by the {@code
 * workspace_token} cookie unless its {@code Origin} is trusted. The cookie is SameSite=Strict, but
 * "same site" spans every subdomain of a registrable domain, so a page on a sibling host (a session
 * origin under the API's domain, say) would otherwise get it attached to a forged request. A
 * request with an {@code Authorization} header is not affected: no page can make a browser add one.
 */
final class CookieRequestOrigins implements WebFilter {
  private static final Set<HttpMethod> SAFE =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

  private final TrustedOrigins origins;
  private final ServerWebExchangeMatcher authenticated;

  /** {@code authenticated}: the routes where the cookie counts as a credential. */
  CookieRequestOrigins(TrustedOrigins origins, ServerWebExchangeMatcher authenticated) {
    this.origins = origins;
    this.authenticated = authenticated;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    UntrustedOriginException refusal = refusal(request, origins);
    if (refusal == null) {
      return chain.filter(exchange);
    }
    return authenticated
        .matches(exchange)
        .flatMap(match -> match.isMatch() ? Mono.error(refusal) : chain.filter(exchange));
  }

  /**
   * Why {@code request} must be refused if its route takes the cookie as a credential: it changes
   * something, signs in with the cookie, and its origin is missing or untrusted; null when it may
   * go on.
   */
  static UntrustedOriginException refusal(ServerHttpRequest request, TrustedOrigins origins) {
    if (SAFE.contains(request.getMethod()) || !authenticatedByCookie(request)) {
      return null;
    }
    String origin = request.getHeaders().getOrigin();
    if (origin != null && origins.trusts(origin, request)) {
      return null;
    }
    return new UntrustedOriginException(
        origin == null
            ? "a request that changes something and signs in with the cookie needs"
                + " an Origin header; programs send Authorization: Bearer instead"
            : "requests from origin "
                + origin
                + " may not use this server's cookie; add it to"
                + " server.allowed_origins to allow it");
  }

  /** The cookie is the credential when no header outranks it (see the token converter). */
  private static boolean authenticatedByCookie(ServerHttpRequest request) {
    return request.getCookies().containsKey(CredentialCookies.API)
        && !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
  }
}
