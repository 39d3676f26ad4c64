package io.workspacebackend.user;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 409: the change would leave no enabled admin, and nobody could manage the server any more. */
final class LastAdminException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  LastAdminException() {
    super(
        HttpStatus.CONFLICT,
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "this is the last enabled admin; promote or enable another admin first"),
        null);
  }
}
