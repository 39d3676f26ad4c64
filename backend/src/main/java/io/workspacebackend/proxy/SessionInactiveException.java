package io.workspacebackend.proxy;

import io.workspacebackend.model.session.SessionStatus;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The session is stopping, stopped or failed: nothing inside it can be reached any more. */
final class SessionInactiveException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  SessionInactiveException(SessionStatus status) {
    super(HttpStatus.CONFLICT);
    getBody().setDetail("the session is " + status.wireName() + "; start a new one");
    getBody().setProperty("status", status.wireName());
  }
}
