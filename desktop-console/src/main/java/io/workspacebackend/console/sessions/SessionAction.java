package io.workspacebackend.console.sessions;

import io.workspacebackend.model.session.SessionStatus;

/** What a user can do with one session from the table, and in which states it makes sense. */
enum SessionAction {
  OPEN_TERMINAL,
  OPEN_IN_BROWSER,
  LOGS,
  STOP,
  START,
  DELETE;

  /**
   * Whether the action applies to a session in {@code status} (the state table is {@link
   * SessionStatus}'s).
   */
  boolean allowedIn(SessionStatus status) {
    return switch (this) {
      // A starting session's terminal waits for ttyd; any other unproxied one would only fail.
      case OPEN_TERMINAL -> status.isProxied() || status.isStarting();
      // The browser gets no 503-and-retry page of ours: only a session whose services answer.
      case OPEN_IN_BROWSER -> status.isProxied();
      // A stopped session has no container; a failed one's exited container says why it failed.
      case LOGS -> status.isLive() || status == SessionStatus.FAILED;
      case STOP -> status.canStop();
      case START -> status.canStart();
      case DELETE -> true;
    };
  }
}
