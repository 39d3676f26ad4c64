package io.workspacebackend.auth;

import io.workspacebackend.db.Database;
import io.workspacebackend.user.UserAccount;
import io.workspacebackend.user.UserRepository;
import java.util.List;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
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
  private final Database database;
  private final UserRepository users;
  private final RevokedTokens revokedTokens;

  TokenAuthenticationManager(
      JwtTokens tokens, Database database, UserRepository users, RevokedTokens revokedTokens) {
    this.tokens = tokens;
    this.database = database;
    this.users = users;
    this.revokedTokens = revokedTokens;
  }

  @Override
  public Mono<Authentication> authenticate(Authentication presented) {
    return Mono.fromCallable(() -> tokens.read((String) presented.getCredentials()))
        .flatMap(claims -> database.call(() -> signedInUser(claims)))
        .switchIfEmpty(
            Mono.error(new BadCredentialsException("token revoked, or its user is gone")))
        .map(TokenAuthenticationManager::authenticated);
  }

  /** Blocking; {@code null} when the token was revoked or its user is missing or disabled. */
  private SignedInUser signedInUser(TokenClaims claims) {
    if (revokedTokens.isRevoked(claims.tokenId())) {
      return null;
    }
    return users
        .findById(claims.userId())
        .filter(account -> !account.disabled())
        .map(account -> new SignedInUser(account, claims.tokenId(), claims.expiresAt()))
        .orElse(null);
  }

  private static Authentication authenticated(SignedInUser user) {
    UserAccount account = user.account();
    return UsernamePasswordAuthenticationToken.authenticated(
        user, null, List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name())));
  }
}
