package io.workspacebackend.user;

import io.workspacebackend.model.user.Role;
import java.util.Arrays;
import java.util.Optional;

/** Reads a role from its wire name ({@code admin}, {@code user}), as JSON, SQL and CLI write it. */
public final class Roles {
  private Roles() {}

  public static Optional<Role> parse(String name) {
    return Arrays.stream(Role.values()).filter(r -> r.wireName().equals(name)).findFirst();
  }

  static Role fromColumn(String name) {
    return parse(name).orElseThrow(() -> new IllegalStateException("unknown role " + name));
  }
}
