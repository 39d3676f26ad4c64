package io.workspacebackend.proxy;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A proxied path that could leave its prefix: refused, never normalised. */
final class UnsafePathException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  UnsafePathException(String detail) {
    super(HttpStatus.BAD_REQUEST);
    getBody().setDetail(detail + "; it is refused so that it cannot leave the session's prefix");
  }
}
