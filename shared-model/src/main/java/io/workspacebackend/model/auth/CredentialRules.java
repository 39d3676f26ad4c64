package io.workspacebackend.model.auth;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The contract's rules for a new account's username and password: the server checks them on
 * registration, and a client may check them first to spare a round trip.
 */
public final class CredentialRules {
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9_-]{2,31}");
  public static final int MIN_PASSWORD = 8;
  public static final int MAX_PASSWORD = 256;

  private CredentialRules() {}

  /** What is wrong with a given username ("must be …"); empty if it is allowed. */
  public static Optional<String> usernameProblem(String username) {
    return USERNAME.matcher(username).matches()
        ? Optional.empty()
        : Optional.of(
            "must be 3 to 32 characters of a-z, 0-9, _ and -, starting with a letter or digit");
  }

  /** What is wrong with a given password ("must be …"); empty if it is allowed. */
  public static Optional<String> passwordProblem(String password) {
    int length = password.codePointCount(0, password.length());
    return length >= MIN_PASSWORD && length <= MAX_PASSWORD
        ? Optional.empty()
        : Optional.of("must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters long");
  }
}
