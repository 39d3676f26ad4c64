package io.workspacebackend.proxy;

import io.workspacebackend.model.session.SessionStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A session whose services have not all answered their health checks yet: nothing is forwarded (a
 * service whose port opened may still not answer what it accepts), the client retries in a second.
 */
final class SessionStartingException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  SessionStartingException(SessionStatus status) {
    super(HttpStatus.SERVICE_UNAVAILABLE);
    getBody()
        .setDetail(
            "the session is "
                + status.wireName()
                + " and its services do not all answer yet; retry shortly");
    getBody().setProperty("session_status", status.wireName());
    getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
  }
}
