package io.workspacebackend.session;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** No such session — or one of another user's, which must look exactly the same. */
public final class SessionNotFoundException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  public SessionNotFoundException() {
    super(HttpStatus.NOT_FOUND);
    getBody().setDetail("no such session");
  }
}
