package io.workspacebackend.proxy;

import io.workspacebackend.model.session.SessionStatus;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The session is stopping, stopped or failed: nothing inside it can be reached now. The problem
 * says what would bring it back.
 */
final class SessionInactiveException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  SessionInactiveException(String sessionId, SessionStatus status) {
    super(HttpStatus.CONFLICT);
    String start = "POST /api/sessions/" + sessionId + "/start";
    getBody()
        .setDetail(
            switch (status) {
              case STOPPED -> "the session is stopped; start it again with " + start;
              case FAILED -> "the session failed; start it again with " + start + ", or delete it";
              default -> "the session is " + status.wireName() + "; start it again once stopped";
            });
    // Named as in the stats endpoint: "status" is the problem's HTTP code.
    getBody().setProperty("session_status", status.wireName());
  }
}
