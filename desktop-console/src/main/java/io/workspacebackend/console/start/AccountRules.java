package io.workspacebackend.console.start;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The server's rules for a new account's username and password (the backend's {@code
 * auth.CredentialRules}, which the console may not use), checked before the first administrator is
 * created: a refusal then needs no round trip and leaves no invite behind.
 */
final class AccountRules {
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9_-]{2,31}");
  static final int MIN_PASSWORD = 8;
  static final int MAX_PASSWORD = 256;

  private AccountRules() {}

  /** What is wrong with the username, as a sentence; empty if the server would accept it. */
  static Optional<String> usernameProblem(String username) {
    return USERNAME.matcher(username).matches()
        ? Optional.empty()
        : Optional.of(
            "The username must be 3 to 32 characters of a-z, 0-9, _ and -, starting with a"
                + " letter or digit.");
  }

  /** What is wrong with the password, as a sentence; empty if the server would accept it. */
  static Optional<String> passwordProblem(String password) {
    int length = password.codePointCount(0, password.length());
    return length >= MIN_PASSWORD && length <= MAX_PASSWORD
        ? Optional.empty()
        : Optional.of(
            "The password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters long.");
  }
}
