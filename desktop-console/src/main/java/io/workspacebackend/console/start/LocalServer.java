package io.workspacebackend.console.start;

import java.net.URI;

/** A backend the console started in its own JVM, as the start screen uses it. */
interface LocalServer {
  URI address();

  /** Creates the first administrator and signs in as it. Blocking. */
  Connected createFirstAdmin(String username, String password);

  /**
   * Hands the server to the window, which keeps it running after the start screen and stops it when
   * the console quits. On the FX thread.
   */
  void keepRunning();
}
