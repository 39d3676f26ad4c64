package io.workspacebackend.auth;

import io.workspacebackend.reactive.JvmErrors;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Accepts a presented token if it is valid, not revoked, and its user exists and is enabled. The
 * user is read on every request, so disabling, deleting or demoting someone takes effect at once;
 * the role comes from the database, not from the token.
 */
@Component
class TokenAuthenticationManager implements ReactiveAuthenticationManager {
  private final JwtTokens tokens;
  private final SignIns signIns;

  TokenAuthenticationManager(JwtTokens tokens, SignIns signIns) {
    this.tokens = tokens;
    this.signIns = signIns;
  }

  @Override
  public Mono<Authentication> authenticate(Authentication presented) {
    return signedIn(presented).map(SignedInUser::authentication);
  }

  /** The user {@code presented} signs in, or {@link BadCredentialsException}. */
  Mono<SignedInUser> signedIn(Authentication presented) {
    return Mono.fromCallable(
            JvmErrors.delivered(() -> tokens.read((String) presented.getCredentials())))
        .flatMap(claims -> signIns.current(claims.userId(), claims.tokenId(), claims.expiresAt()))
        .switchIfEmpty(
            Mono.error(() -> new BadCredentialsException("token revoked, or its user is gone")));
  }
}
