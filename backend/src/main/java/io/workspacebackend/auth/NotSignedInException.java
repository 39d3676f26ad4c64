package io.workspacebackend.auth;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * 401 with {@code WWW-Authenticate: Bearer}: no token came, or the one that came does not count.
 */
final class NotSignedInException extends ErrorResponseException {
  static final String MISSING = "sign in first: a valid token is required";
  static final String INVALID = "the token is invalid, expired or revoked; sign in again";

  private static final long serialVersionUID = 1L;

  NotSignedInException(String detail) {
    super(HttpStatus.UNAUTHORIZED);
    getBody().setDetail(detail);
    getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
  }
}
