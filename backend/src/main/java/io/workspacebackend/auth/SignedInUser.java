package io.workspacebackend.auth;

import io.workspacebackend.user.UserAccount;
import java.time.Instant;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who made a request: the user as stored right now (not as the token remembers them) and the token
 * they used. Its {@link #getName()} is the username, so other features can take a plain {@code
 * java.security.Principal} (the request's authentication, named after it).
 */
public record SignedInUser(UserAccount account, String tokenId, Instant tokenExpiresAt)
    implements AuthenticatedPrincipal {
  @Override
  public String getName() {
    return account.username();
  }
}
