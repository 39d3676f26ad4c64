package io.workspacebackend.server;

/** The server could not start; the message is one sentence a user can act on. */
public final class ServerStartException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What kept the server from starting, for callers that offer a fix (the console's buttons). */
  public enum Reason {
    NO_RUNTIME,
    IMAGE_MISSING,
    PORT_IN_USE,
    OTHER
  }

  private final Reason reason;

  public ServerStartException(String message, Throwable cause) {
    this(Reason.OTHER, message, cause);
  }

  public ServerStartException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
