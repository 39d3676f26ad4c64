package io.workspacebackend.auth;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 409: somebody already registered this username. */
final class UsernameTakenException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  UsernameTakenException(String username) {
    super(
        HttpStatus.CONFLICT,
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT, "the username " + username + " is taken"),
        null);
  }
}
