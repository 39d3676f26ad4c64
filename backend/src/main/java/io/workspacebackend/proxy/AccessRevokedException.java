package io.workspacebackend.proxy;

import io.workspacebackend.auth.Revocation;
import org.springframework.web.ErrorResponseException;

/** A proxied request whose access was withdrawn before its answer began: the problem of why. */
final class AccessRevokedException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  AccessRevokedException(Revocation why) {
    super(why.status(), why.problem(), null);
  }
}
