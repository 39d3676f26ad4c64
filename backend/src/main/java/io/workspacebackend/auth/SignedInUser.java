package io.workspacebackend.auth;

import io.workspacebackend.user.UserAccount;
import java.time.Instant;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who made a request: the user as stored right now (not as the token remembers them) and the login
 * token they used (on a session origin: the login token that opened the session there). Its {@link
 * #getName()} is the username, so other features can take a plain {@code java.security.Principal}
 * (the request's authentication, named after it).
 */
public record SignedInUser(UserAccount account, String tokenId, Instant tokenExpiresAt)
    implements AuthenticatedPrincipal {
  @Override
  public String getName() {
    return account.username();
  }

  /** This user as an authenticated request, with their current role as its authority. */
  public Authentication authentication() {
    return UsernamePasswordAuthenticationToken.authenticated(
        this, null, List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name())));
  }
}
