package io.workspacebackend.console.terminal;

/**
 * Why a terminal's connection ended, in words for its tab, and whether connecting again can work
 * (not once the session is deleted or the sign-in is gone).
 */
record TerminalEnd(String message, boolean reconnectable) {
  /** The server closes a deleted session's terminal with this code. */
  static final int SESSION_DELETED = 4404;

  /** The server closes a stopped or failed session's terminal with this code. */
  static final int SESSION_NOT_RUNNING = 4409;

  /** The WebSocket was closed by the server with {@code code} and {@code reason}. */
  static TerminalEnd closed(int code, String reason) {
    String why = reason == null ? "" : reason.strip();
    return switch (code) {
      case SESSION_DELETED -> new TerminalEnd("The session was deleted.", false);
      case SESSION_NOT_RUNNING ->
          new TerminalEnd(
              why.contains("failed")
                  ? "The session failed. Start it again from the Sessions tab."
                  : "The session was stopped. Start it from the Sessions tab.",
              true);
      default -> dropped(why.isEmpty() ? "the server closed it (code " + code + ")" : why);
    };
  }

  /** The handshake was refused with HTTP {@code status}. */
  static TerminalEnd refused(int status) {
    return switch (status) {
      case 401 ->
          new TerminalEnd("Your sign-in is no longer valid. Sign in again to reopen it.", false);
      case 404 -> new TerminalEnd("The session no longer exists.", false);
      case 409 ->
          new TerminalEnd("The session is not running. Start it from the Sessions tab.", true);
      default -> dropped("the server refused (HTTP " + status + ")");
    };
  }

  /** The connection broke for another reason, which a new attempt may not have. */
  static TerminalEnd dropped(String reason) {
    return new TerminalEnd("The terminal's connection closed: " + reason + ".", true);
  }
}
