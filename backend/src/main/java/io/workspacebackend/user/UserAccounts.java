package io.workspacebackend.user;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * Every user as stored, held in memory so that the check each request makes (the user exists, is
 * enabled, has this role) reads no database. Loaded on start; the two places that write users,
 * registration and administration, hand each account over as soon as it is committed.
 */
@Component
@DependsOnDatabaseInitialization
public class UserAccounts {
  private final Map<UUID, UserAccount> byId = new ConcurrentHashMap<>();

  UserAccounts(UserRepository users) {
    users.findAll().forEach(this::stored);
  }

  public Optional<UserAccount> find(UUID id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** {@code account} as it was just committed. */
  public void stored(UserAccount account) {
    byId.put(account.id(), account);
  }
}
