package io.workspacebackend.user;

import io.workspacebackend.config.WorkspaceConfig;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Each user's quota in effect: the configured defaults, with what an admin set for that user in
 * their place. Read from the accounts held in memory, so checking a quota reads no database.
 */
@Component
public class Quotas {
  private final Quota defaults;
  private final UserAccounts accounts;

  Quotas(WorkspaceConfig config, UserAccounts accounts) {
    this.defaults = Quota.defaults(config.sessions());
    this.accounts = accounts;
  }

  /** The quota of users who have none of their own. */
  public Quota defaults() {
    return defaults;
  }

  /** The quota of the user with this id; the defaults for an id that names no user. */
  public Quota of(UUID userId) {
    return accounts.find(userId).map(a -> defaults.overriddenBy(a.quota())).orElse(defaults);
  }

  /** {@link #of(UUID)} for an id as sessions store it; the defaults if it is not a UUID. */
  public Quota of(String userId) {
    UUID id;
    try {
      id = UUID.fromString(userId);
    } catch (IllegalArgumentException e) {
      return defaults;
    }
    return of(id);
  }
}
