package io.workspacebackend.console.local;

import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.db.JdbcAccess;
import io.workspacebackend.invite.InviteCodes;
import io.workspacebackend.invite.NewInvites;
import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.invite.Invite;
import io.workspacebackend.model.user.Role;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Lets the first person in on a fresh installation: with no user in the local database, the console
 * creates a single-use admin invite there (as {@code invite-codes generate --role admin} would) and
 * registers with it through the API, so nobody is stuck at a login without an account.
 */
public final class FirstAdmin {
  private final JdbcAccess database;

  private FirstAdmin(JdbcAccess database) {
    this.database = database;
  }

  public static FirstAdmin of(WorkspaceConfig config) {
    return new FirstAdmin(JdbcAccess.direct(config.paths().dataDir()));
  }

  /** Whether nobody has an account yet. */
  public boolean needed() {
    return database.jdbc().sql("SELECT count(*) FROM users").query(Long.class).single() == 0L;
  }

  /**
   * Creates the admin account and signs {@code client} in as it. If registering fails (a refused
   * password, a server gone), the invite is revoked at once: an unused admin code must not stay
   * valid in the database for anyone who reads it.
   */
  public SignedIn create(WorkspaceClient client, String username, String password) {
    InviteCodes codes = new InviteCodes(database, Clock.systemUTC());
    Invite invite =
        codes
            .generate(
                new NewInvites(
                    1,
                    1,
                    Optional.of(Duration.ofMinutes(10)),
                    Role.ADMIN,
                    Optional.of("first admin, created by the desktop console"),
                    Optional.empty()))
            .get(0);
    try {
      return client.register(invite.code(), username, password);
    } catch (RuntimeException failure) {
      try {
        codes.revoke(invite.code());
      } catch (RuntimeException revokeFailure) {
        failure.addSuppressed(revokeFailure);
      }
      throw failure;
    }
  }
}
