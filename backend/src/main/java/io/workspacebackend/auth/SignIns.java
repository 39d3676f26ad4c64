package io.workspacebackend.auth;

import io.workspacebackend.user.UserAccounts;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Whether a sign-in still counts: its token was not revoked (logout), and its user exists and is
 * enabled. Answered from memory kept current by the code that writes both, so a logout or a
 * disabled account takes effect on the next request, wherever the sign-in is presented, and no
 * request waits for the database to be let in.
 */
@Component
public class SignIns {
  private final UserAccounts users;
  private final RevokedTokens revokedTokens;

  SignIns(UserAccounts users, RevokedTokens revokedTokens) {
    this.users = users;
    this.revokedTokens = revokedTokens;
  }

  /**
   * The signed-in user as stored now, for the login token {@code tokenId} of {@code userId}; empty
   * when that sign-in no longer counts. The caller has checked that the token has not expired.
   */
  public Mono<SignedInUser> current(UUID userId, String tokenId, Instant tokenExpiresAt) {
    if (revokedTokens.isRevoked(tokenId)) {
      return Mono.empty();
    }
    return Mono.justOrEmpty(
        users
            .find(userId)
            .filter(account -> !account.disabled())
            .map(account -> new SignedInUser(account, tokenId, tokenExpiresAt)));
  }
}
