package io.workspacebackend.auth;

import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Signs in a request exactly as the security chain would, for routes answered ahead of it (the
 * proxy's path routes, where the least work should stand between socket and session): the token
 * from the contract's sources, checked once; a state-changing request that rides on the cookie only
 * from a trusted origin. Refusals are the chain's own: 401 with {@code WWW-Authenticate: Bearer},
 * 403 for an untrusted origin.
 */
@Component
public class RequestSignIn {
  private final TokenAuthenticationConverter converter = new TokenAuthenticationConverter();
  private final TokenAuthenticationManager tokens;
  private final TrustedOrigins origins;

  RequestSignIn(TokenAuthenticationManager tokens, TrustedOrigins origins) {
    this.tokens = tokens;
    this.origins = origins;
  }

  public Mono<SignedInUser> signedIn(ServerWebExchange exchange) {
    UntrustedOriginException untrusted =
        CookieRequestOrigins.refusal(exchange.getRequest(), origins);
    if (untrusted != null) {
      return Mono.error(untrusted);
    }
    return converter
        .convert(exchange)
        .switchIfEmpty(Mono.error(() -> new NotSignedInException(NotSignedInException.MISSING)))
        .flatMap(tokens::signedIn)
        .onErrorMap(
            AuthenticationException.class,
            e -> new NotSignedInException(NotSignedInException.INVALID));
  }
}
