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
    // Named as in the stats endpoint: "status" is the problem's HTTP code.
    getBody().setProperty("session_status", status.wireName());
  }
}
