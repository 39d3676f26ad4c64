package io.workspacebackend.sessionorigin;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 400: a ticket unknown, used, expired, or made for another session opens nothing. */
final class InvalidTicketException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  InvalidTicketException(String sessionId) {
    super(HttpStatus.BAD_REQUEST);
    getBody()
        .setDetail(
            "this link was used already or has expired; open the session again"
                + " (GET /api/sessions/"
                + sessionId
                + "/open)");
  }
}
