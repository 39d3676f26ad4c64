package io.workspacebackend.cli;

import io.workspacebackend.config.ConfigLoader;

/** Entry point of the {@code workspace-backend} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int exitCode =
        WorkspaceBackendCommand.commandLine(ConfigLoader.forCurrentProcess()).execute(args);
    // serve returns only after the server stopped; the other commands return at once.
    System.exit(exitCode);
  }
}
