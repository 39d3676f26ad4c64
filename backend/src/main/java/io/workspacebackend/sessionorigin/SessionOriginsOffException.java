package io.workspacebackend.sessionorigin;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 409: this server has no session domain, so sessions have no browser origins to open. */
final class SessionOriginsOffException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  SessionOriginsOffException() {
    super(HttpStatus.CONFLICT);
    getBody()
        .setDetail(
            "this server gives sessions no browser origins: its operator sets"
                + " server.session_domain to a wildcard DNS domain that points at it");
  }
}
