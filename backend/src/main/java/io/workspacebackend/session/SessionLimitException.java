package io.workspacebackend.session;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The user already has as many live sessions as {@code sessions.max_per_user} allows. */
final class SessionLimitException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  SessionLimitException(int limit) {
    super(HttpStatus.CONFLICT);
    getBody()
        .setDetail(
            "you already have "
                + limit
                + " live sessions, the most allowed; stop or delete one first");
    getBody().setProperty("limit", "sessions");
  }
}
