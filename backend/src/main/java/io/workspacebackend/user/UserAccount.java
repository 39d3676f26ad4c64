package io.workspacebackend.user;

import io.workspacebackend.model.user.Role;
import io.workspacebackend.model.user.User;
import java.time.Instant;
import java.util.UUID;

/** A stored user, password hash included; {@link #toApi()} is what leaves the server. */
public record UserAccount(
    UUID id, String username, String passwordHash, Role role, boolean disabled, Instant createdAt) {

  public User toApi() {
    return new User(id, username, role, disabled, createdAt);
  }

  /** Never prints the hash: accounts end up in log lines and assertion messages. */
  @Override
  public String toString() {
    return "UserAccount[id=" + id + ", username=" + username + ", role=" + role + "]";
  }
}
