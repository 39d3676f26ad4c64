package io.workspacebackend.session;

/** A requested workspace path is absolute, climbs with {@code ..} or leads out through a link. */
final class InvalidWorkspaceException extends Exception {
  private static final long serialVersionUID = 1L;

  InvalidWorkspaceException(String detail) {
    super(detail);
  }
}
