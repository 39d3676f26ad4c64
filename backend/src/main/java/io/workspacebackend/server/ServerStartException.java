package io.workspacebackend.server;

/** The server could not start; the message is one sentence a user can act on. */
public final class ServerStartException extends Exception {
  private static final long serialVersionUID = 1L;

  public ServerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
