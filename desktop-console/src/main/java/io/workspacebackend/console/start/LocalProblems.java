package io.workspacebackend.console.start;

import io.workspacebackend.console.ConsoleEnvironment;
import io.workspacebackend.server.ServerStartException;

/** Why a local server did not start, and what to do about it, as the start screen says it. */
final class LocalProblems {
  private LocalProblems() {}

  static String explain(ServerStartException failure, ConsoleEnvironment environment) {
    String why = failure.getMessage();
    String reason = why.isEmpty() ? why : Character.toUpperCase(why.charAt(0)) + why.substring(1);
    return switch (failure.reason()) {
      case IMAGE_MISSING -> reason + ". Click Build image to build it now.";
      case NO_RUNTIME -> reason + ".";
      case PORT_IN_USE ->
          reason.replace("choose another with --port", "set another server.port")
              + " in "
              + environment.configLoader().defaultConfigFile()
              + ".";
      case OTHER -> reason + ".";
    };
  }
}
