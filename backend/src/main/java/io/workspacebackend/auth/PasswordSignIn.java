package io.workspacebackend.auth;

import io.workspacebackend.db.Database;
import io.workspacebackend.user.UserAccount;
import io.workspacebackend.user.UserRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Checks a username and password. Every failure (unknown user, wrong password, disabled account)
 * does the same work and gets the same answer, and counts against the throttle.
 */
@Service
class PasswordSignIn {
  private final Database database;
  private final UserRepository users;
  private final PasswordHashing hashing;
  private final SignInThrottle throttle;

  PasswordSignIn(
      Database database, UserRepository users, PasswordHashing hashing, SignInThrottle throttle) {
    this.database = database;
    this.users = users;
    this.hashing = hashing;
    this.throttle = throttle;
  }

  Mono<UserAccount> signIn(String username, String password, String clientAddress) {
    List<String> keys = SignInThrottle.keys(clientAddress, username);
    return throttle
        .admit(keys)
        .then(database.call(() -> users.findByUsername(username)))
        .flatMap(
            account ->
                hashing
                    .matches(password, account.map(UserAccount::passwordHash))
                    .map(
                        matches ->
                            matches
                                ? account.filter(a -> !a.disabled())
                                : Optional.<UserAccount>empty()))
        .flatMap(
            accepted -> {
              if (accepted.isEmpty()) {
                throttle.recordFailure(keys);
                return Mono.error(new InvalidCredentialsException());
              }
              throttle.recordSuccess(keys);
              return Mono.just(accepted.get());
            });
  }
}
