package io.workspacebackend.auth;

import io.workspacebackend.api.RequestViolations;

/**
 * Registration's checks of usernames and passwords, as field violations; the rules themselves are
 * shared-model's {@link io.workspacebackend.model.auth.CredentialRules}, which clients use too.
 */
final class CredentialRules {
  private CredentialRules() {}

  static void checkUsername(String username, RequestViolations violations) {
    if (username == null || username.isEmpty()) {
      violations.add("username", "is required");
    } else {
      io.workspacebackend.model.auth.CredentialRules.usernameProblem(username)
          .ifPresent(problem -> violations.add("username", problem));
    }
  }

  static void checkPassword(String password, RequestViolations violations) {
    if (password == null || password.isEmpty()) {
      violations.add("password", "is required");
    } else {
      io.workspacebackend.model.auth.CredentialRules.passwordProblem(password)
          .ifPresent(problem -> violations.add("password", problem));
    }
  }

  static void checkPresent(String value, String field, RequestViolations violations) {
    if (value == null || value.isBlank()) {
      violations.add(field, "is required");
    }
  }
}
