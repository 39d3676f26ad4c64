package io.workspacebackend.auth;

import io.workspacebackend.api.RequestViolations;
import java.util.regex.Pattern;

/** The contract's rules for usernames and passwords, checked on registration. */
final class CredentialRules {
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9_-]{2,31}");
  static final int MIN_PASSWORD = 8;
  static final int MAX_PASSWORD = 256;

  private CredentialRules() {}

  static void checkUsername(String username, RequestViolations violations) {
    if (username == null || username.isEmpty()) {
      violations.add("username", "is required");
    } else if (!USERNAME.matcher(username).matches()) {
      violations.add(
          "username",
          "must be 3 to 32 characters of a-z, 0-9, _ and -, starting with a letter or digit");
    }
  }

  static void checkPassword(String password, RequestViolations violations) {
    if (password == null || password.isEmpty()) {
      violations.add("password", "is required");
      return;
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_PASSWORD || length > MAX_PASSWORD) {
      violations.add(
          "password", "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters long");
    }
  }

  static void checkPresent(String value, String field, RequestViolations violations) {
    if (value == null || value.isBlank()) {
      violations.add(field, "is required");
    }
  }
}
