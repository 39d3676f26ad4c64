package io.workspacebackend.launcher;

import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.invite.InviteCodes;
import io.workspacebackend.invite.NewInvites;
import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.invite.Invite;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.user.UserRepository;
import java.time.Duration;
import java.util.Optional;

/**
 * Lets the first person in on a fresh installation: with no user yet, it makes a single-use admin
 * invite (as {@code invite-codes generate --role admin} would) and registers with it through the
 * API, so the server's own rules, password hashing and in-memory accounts apply to this account as
 * to every other. Blocking: not for a server's event loop.
 */
final class FirstAdmin {
  /** Registering follows at once; the code only has to outlive one request. */
  private static final Duration INVITE_LIFETIME = Duration.ofMinutes(10);

  private final InviteCodes invites;
  private final UserRepository users;

  FirstAdmin(InviteCodes invites, UserRepository users) {
    this.invites = invites;
    this.users = users;
  }

  boolean needed() {
    return users.isEmpty();
  }

  /**
   * Creates the admin account and signs {@code client} in as it. If registering fails (a refused
   * password, a server gone), the invite is revoked at once: an unused admin code must not stay
   * valid in the database for anyone who reads it.
   */
  SignedIn create(WorkspaceClient client, String username, String password) {
    Invite invite =
        invites
            .generate(
                new NewInvites(
                    1,
                    1,
                    Optional.of(INVITE_LIFETIME),
                    Role.ADMIN,
                    Optional.of("first admin, created by the desktop console"),
                    Optional.empty()))
            .get(0);
    try {
      return client.register(invite.code(), username, password);
    } catch (RuntimeException failure) {
      try {
        invites.revoke(invite.code());
      } catch (RuntimeException revokeFailure) {
        failure.addSuppressed(revokeFailure);
      }
      throw failure;
    }
  }
}
