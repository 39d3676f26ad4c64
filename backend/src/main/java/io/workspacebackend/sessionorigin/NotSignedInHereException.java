package io.workspacebackend.sessionorigin;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * 401 on a session origin: no valid cookie for this session. Only a ticket from the API signs in
 * here; the challenge names that scheme rather than Bearer, which this origin never accepts.
 */
final class NotSignedInHereException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  NotSignedInHereException(String sessionId) {
    super(HttpStatus.UNAUTHORIZED);
    getBody()
        .setDetail(
            "not signed in to this session's origin, or that sign-in has ended; open the session"
                + " through GET /api/sessions/"
                + sessionId
                + "/open");
    getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Cookie realm=\"workspace session\"");
  }
}
