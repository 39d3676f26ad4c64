package io.workspacebackend.user;

import io.workspacebackend.db.JdbcAccess;
import io.workspacebackend.model.user.QuotaOverrides;
import io.workspacebackend.model.user.Role;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes a user's role or disabled flag, never leaving the server without an enabled admin, and
 * sets a user's quota; each change is announced once committed.
 */
@Service
class UserAdministration {
  private final UserRepository users;
  private final TransactionTemplate transactions;
  private final UserAccounts accounts;
  private final AccountChangeListener listener;
  private final UserEvents events;

  UserAdministration(
      UserRepository users,
      JdbcAccess access,
      UserAccounts accounts,
      AccountChangeListener listener,
      UserEvents events) {
    this.users = users;
    this.transactions = access.transactions();
    this.accounts = accounts;
    this.listener = listener;
    this.events = events;
  }

  /**
   * Blocking: call it through {@code Database}. Changes take turns (SQLite has one writer anyway),
   * so that the accounts in memory are updated in the order the changes were committed.
   */
  synchronized UserAccount change(UUID id, Role role, Boolean disabled) {
    UserAccount changed =
        transactions.execute(
            status -> {
              // Write first: the UPDATE takes SQLite's write lock, so the count below cannot be
              // raced by a concurrent change (a read-then-write transaction could be).
              if (!users.change(id, role, disabled)) {
                throw new UserNotFoundException(id.toString());
              }
              if (users.countEnabledAdmins() == 0) {
                throw new LastAdminException();
              }
              return users.findById(id).orElseThrow(() -> new UserNotFoundException(id.toString()));
            });
    // After the commit, so that a change refused (the last admin) ends nothing.
    accounts.stored(changed);
    listener.accountChanged(changed);
    // Only now: a demoted admin's event stream has just been ended, so the news of the demotion
    // (and every later user or invite event) no longer reaches it.
    events.changed(changed);
    return changed;
  }

  /**
   * Blocking, as {@link #change}. Replaces the user's quota values; the quota is checked when a
   * session is created or started, so sessions already live are left as they are.
   */
  synchronized UserAccount setQuota(UUID id, QuotaOverrides quota) {
    UserAccount changed =
        transactions.execute(
            status -> {
              if (!users.setQuota(id, quota)) {
                throw new UserNotFoundException(id.toString());
              }
              return users.findById(id).orElseThrow(() -> new UserNotFoundException(id.toString()));
            });
    // Role and disabled flag are as they were: nothing open needs ending.
    accounts.stored(changed);
    events.changed(changed);
    return changed;
  }
}
