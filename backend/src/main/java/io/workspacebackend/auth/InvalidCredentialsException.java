package io.workspacebackend.auth;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 401 for a failed login; the same for an unknown user, a wrong password and a disabled user. */
final class InvalidCredentialsException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  InvalidCredentialsException() {
    super(
        HttpStatus.UNAUTHORIZED,
        ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "wrong username or password"),
        null);
  }
}
