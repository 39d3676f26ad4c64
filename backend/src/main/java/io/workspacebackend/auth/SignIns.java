package io.workspacebackend.auth;

import io.workspacebackend.db.Database;
import io.workspacebackend.user.UserRepository;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Whether a sign-in still counts: its token was not revoked (logout), and its user exists and is
 * enabled. Read from the database every time, so a logout or a disabled account takes effect on the
 * next request, wherever the sign-in is presented.
 */
@Component
public class SignIns {
  private final Database database;
  private final UserRepository users;
  private final RevokedTokens revokedTokens;

  SignIns(Database database, UserRepository users, RevokedTokens revokedTokens) {
    this.database = database;
    this.users = users;
    this.revokedTokens = revokedTokens;
  }

  /**
   * The signed-in user as stored now, for the login token {@code tokenId} of {@code userId}; empty
   * when that sign-in no longer counts. The caller has checked that the token has not expired.
   */
  public Mono<SignedInUser> current(UUID userId, String tokenId, Instant tokenExpiresAt) {
    return database.call(
        () -> {
          if (revokedTokens.isRevoked(tokenId)) {
            return null;
          }
          return users
              .findById(userId)
              .filter(account -> !account.disabled())
              .map(account -> new SignedInUser(account, tokenId, tokenExpiresAt))
              .orElse(null);
        });
  }
}
