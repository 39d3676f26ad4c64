package io.workspacebackend.invite;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 400: the code cannot be used. Unknown, revoked, expired and used-up codes all get this same
 * answer, so that nobody can probe which codes exist.
 */
public final class InviteUnavailableException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  InviteUnavailableException() {
    super(
        HttpStatus.BAD_REQUEST,
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "invite code is invalid or already used"),
        null);
  }
}
