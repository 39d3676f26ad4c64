package io.workspacebackend.cli;

/** The command's exit statuses: scripts and systemd depend on them. */
final class ExitCodes {
  static final int OK = 0;

  /** Something failed while running: port taken, database unreachable, unknown code. */
  static final int FAILURE = 1;

  /** The command line or the configuration is wrong; nothing was started or changed. */
  static final int USAGE = 2;

  private ExitCodes() {}
}
