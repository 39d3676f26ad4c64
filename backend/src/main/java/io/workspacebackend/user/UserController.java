package io.workspacebackend.user;

import io.workspacebackend.api.RequestViolations;
import io.workspacebackend.db.Database;
import io.workspacebackend.model.user.QuotaOverrides;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.model.user.User;
import io.workspacebackend.model.user.UserChange;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/users}: admins list users, promote, demote, disable and enable them, and set their
 * quotas.
 */
@RestController
class UserController {
  private final Database database;
  private final UserRepository users;
  private final UserAdministration administration;
  private final Quotas quotas;

  UserController(
      Database database, UserRepository users, UserAdministration administration, Quotas quotas) {
    this.database = database;
    this.users = users;
    this.administration = administration;
    this.quotas = quotas;
  }

  @GetMapping("/api/users")
  Mono<List<User>> list() {
    return database.call(() -> users.findAll().stream().map(this::toApi).toList());
  }

  @PatchMapping("/api/users/{id}")
  Mono<User> change(@PathVariable String id, @RequestBody UserChange change) {
    Optional<UUID> userId = parseId(id);
    if (userId.isEmpty()) {
      return Mono.error(new UserNotFoundException(id));
    }
    RequestViolations violations = new RequestViolations();
    Role role = null;
    if (change.role() != null) {
      role = Roles.parse(change.role()).orElse(null);
      if (role == null) {
        violations.add("role", "must be \"admin\" or \"user\"");
      }
    }
    if (change.role() == null && change.disabled() == null) {
      violations.add("role", "give role or disabled (or both)");
    }
    Role newRole = role;
    return violations.ifValid(
        () ->
            database
                .call(() -> administration.change(userId.get(), newRole, change.disabled()))
                .map(this::toApi));
  }

  /** Replaces the user's own quota values; absent or null ones become the server's defaults. */
  /** The engines' smallest CPU share, and more CPUs than any one host has. */
  private static final double MIN_CPUS = 0.01;

  private static final double MAX_CPUS = 1024;

  @PutMapping("/api/users/{id}/quota")
  Mono<User> setQuota(@PathVariable String id, @RequestBody QuotaOverrides quota) {
    Optional<UUID> userId = parseId(id);
    if (userId.isEmpty()) {
      return Mono.error(new UserNotFoundException(id));
    }
    RequestViolations violations = new RequestViolations();
    if (quota.maxSessions() != null && quota.maxSessions() < 0) {
      violations.add("max_sessions", "must be 0 or more, or null for the server's default");
    }
    if (quota.maxMemoryBytes() != null && quota.maxMemoryBytes() < 1) {
      violations.add(
          "max_memory_bytes",
          "must be a number of bytes above 0, or null for the server's default");
    }
    if (quota.maxCpus() != null && !(quota.maxCpus() >= MIN_CPUS && quota.maxCpus() <= MAX_CPUS)) {
      violations.add(
          "max_cpus",
          "must be a number from "
              + MIN_CPUS
              + " to "
              + MAX_CPUS
              + ", or null for the server's default");
    }
    return violations.ifValid(
        () -> database.call(() -> administration.setQuota(userId.get(), quota)).map(this::toApi));
  }

  private User toApi(UserAccount account) {
    return account.toApi(quotas.defaults());
  }

  private static Optional<UUID> parseId(String id) {
    try {
      UUID uuid = UUID.fromString(id);
      // UUID.fromString accepts short forms such as "1-1-1-1-1"; ids are canonical.
      return uuid.toString().equals(id) ? Optional.of(uuid) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
