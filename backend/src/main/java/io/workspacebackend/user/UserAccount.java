package io.workspacebackend.user;

import io.workspacebackend.model.user.QuotaOverrides;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.model.user.User;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored user, password hash included; {@link #toApi} is what leaves the server. {@code quota}
 * holds the quota values an admin set for this user ({@code null} ones: the server's defaults).
 */
public record UserAccount(
    UUID id,
    String username,
    String passwordHash,
    Role role,
    boolean disabled,
    Instant createdAt,
    QuotaOverrides quota) {

  /** A new account: its quota is the server's default until an admin sets one. */
  public UserAccount(
      UUID id,
      String username,
      String passwordHash,
      Role role,
      boolean disabled,
      Instant createdAt) {
    this(id, username, passwordHash, role, disabled, createdAt, QuotaOverrides.NONE);
  }

  /** The user as clients see it, with the quota in effect given the server's {@code defaults}. */
  public User toApi(Quota defaults) {
    return new User(
        id, username, role, disabled, createdAt, defaults.overriddenBy(quota).toApi(quota));
  }

  /** Never prints the hash: accounts end up in log lines and assertion messages. */
  @Override
  public String toString() {
    return "UserAccount[id=" + id + ", username=" + username + ", role=" + role + "]";
  }
}
