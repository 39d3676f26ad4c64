package io.workspacebackend.sessionorigin;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 404: a host under the session domain that is no session's, or a path no session origin has. */
final class SessionOriginNotFoundException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  SessionOriginNotFoundException(String detail) {
    super(HttpStatus.NOT_FOUND);
    getBody().setDetail(detail);
  }
}
