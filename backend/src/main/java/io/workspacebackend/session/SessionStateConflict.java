package io.workspacebackend.session;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * 409: the session's state does not allow what was asked. Carries the state as {@code
 * session_status}, named as the proxies name it ({@code status} is the problem's HTTP code).
 */
final class SessionStateConflict extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  SessionStateConflict(SessionRow row, String why) {
    super(HttpStatus.CONFLICT);
    getBody().setDetail("the session is " + row.status() + "; " + why);
    getBody().setProperty("session_status", row.status());
  }
}
