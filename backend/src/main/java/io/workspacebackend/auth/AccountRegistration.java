package io.workspacebackend.auth;

import io.workspacebackend.db.Database;
import io.workspacebackend.db.JdbcAccess;
import io.workspacebackend.invite.InviteCodes;
import io.workspacebackend.invite.InviteEvents;
import io.workspacebackend.invite.InviteUnavailableException;
import io.workspacebackend.model.invite.Invite;
import io.workspacebackend.user.UserAccount;
import io.workspacebackend.user.UserAccounts;
import io.workspacebackend.user.UserEvents;
import io.workspacebackend.user.UserRepository;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;

/**
 * Creates an account from an invite code. Spending the code's use and inserting the user happen in
 * one transaction: a taken username rolls the use back. Once committed, the new user and the code's
 * new use count are announced on the event stream.
 */
@Service
class AccountRegistration {
  private final Database database;
  private final TransactionTemplate transactions;
  private final InviteCodes inviteCodes;
  private final UserRepository users;
  private final UserAccounts accounts;
  private final PasswordHashing hashing;
  private final SignInThrottle throttle;
  private final Clock clock;
  private final UserEvents userEvents;
  private final InviteEvents inviteEvents;

  AccountRegistration(
      Database database,
      JdbcAccess access,
      InviteCodes inviteCodes,
      UserRepository users,
      UserAccounts accounts,
      PasswordHashing hashing,
      SignInThrottle throttle,
      Clock clock,
      UserEvents userEvents,
      InviteEvents inviteEvents) {
    this.database = database;
    this.transactions = access.transactions();
    this.inviteCodes = inviteCodes;
    this.users = users;
    this.accounts = accounts;
    this.hashing = hashing;
    this.throttle = throttle;
    this.clock = clock;
    this.userEvents = userEvents;
    this.inviteEvents = inviteEvents;
  }

  /** Registers a validated request; fails with 400 (invite), 409 (username) or 429. */
  Mono<UserAccount> register(
      String inviteCode, String username, String password, String clientAddress) {
    return throttle.guard(
        clientAddress,
        username,
        e -> e instanceof InviteUnavailableException || e instanceof UsernameTakenException,
        hashing
            .hash(password)
            .flatMap(hash -> database.call(() -> create(inviteCode, username, hash))));
  }

  private UserAccount create(String inviteCode, String username, String passwordHash) {
    Registered registered =
        transactions.execute(
            status -> {
              // The UPDATE comes first: it takes the write lock, so the whole transaction is one
              // writer and concurrent registrations queue instead of failing on a lock upgrade.
              Invite spent = inviteCodes.consume(inviteCode);
              UserAccount account =
                  new UserAccount(
                      UUID.randomUUID(),
                      username,
                      passwordHash,
                      spent.role(),
                      false,
                      clock.instant().truncatedTo(ChronoUnit.SECONDS));
              if (!users.insertIfUsernameFree(account)) {
                throw new UsernameTakenException(username);
              }
              return new Registered(account, spent);
            });
    // Before the token is issued, so its first request finds the account.
    accounts.stored(registered.account());
    userEvents.changed(registered.account());
    inviteEvents.changed(registered.invite());
    return registered.account();
  }

  /** What one registration committed: the new account and its invite code with the use spent. */
  private record Registered(UserAccount account, Invite invite) {}
}
