package io.workspacebackend.auth;

import io.workspacebackend.db.Database;
import io.workspacebackend.user.UserAccount;
import io.workspacebackend.user.UserRepository;
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
    return throttle.guard(
        clientAddress,
        username,
        InvalidCredentialsException.class::isInstance,
        database
            .call(() -> users.findByUsername(username))
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
                accepted ->
                    accepted
                        .map(Mono::just)
                        .orElseGet(() -> Mono.error(new InvalidCredentialsException()))));
  }
}
