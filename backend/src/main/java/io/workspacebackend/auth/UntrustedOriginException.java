package io.workspacebackend.auth;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 403: a request that rides on a browser's cookie came from a page this server does not trust. */
public final class UntrustedOriginException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  public UntrustedOriginException(String detail) {
    super(HttpStatus.FORBIDDEN);
    getBody().setDetail(detail);
  }
}
