package io.workspacebackend.user;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404: no user has this id. */
final class UserNotFoundException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  UserNotFoundException(String id) {
    super(
        HttpStatus.NOT_FOUND,
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no user with id " + id),
        null);
  }
}
