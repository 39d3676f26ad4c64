package io.workspacebackend.console.start;

import io.workspacebackend.launcher.LaunchException;
import java.nio.file.Path;

/** Why a local server did not start, and what to do about it, as the start screen says it. */
final class LocalProblems {
  private LocalProblems() {}

  /**
   * @param configFile the file whose {@code server.port} a user changes when the port is taken
   */
  static String explain(LaunchException failure, Path configFile) {
    String why = failure.getMessage();
    String reason = why.isEmpty() ? why : Character.toUpperCase(why.charAt(0)) + why.substring(1);
    return switch (failure.problem()) {
      case IMAGE_MISSING -> reason + ". Click Build image to build it now.";
      case PORT_IN_USE ->
          reason.replace("choose another with --port", "set another server.port")
              + " in "
              + configFile
              + ".";
      case NO_RUNTIME, CONFIGURATION, OTHER -> reason.endsWith(".") ? reason : reason + ".";
    };
  }
}
