package io.workspacebackend.launcher;

import io.workspacebackend.server.ServerStartException;

/** What the launcher could not do; the message is one sentence a user can act on. */
public final class LaunchException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What went wrong, for callers that offer a fix (the console's Build image button). */
  public enum Problem {
    /** The configuration file or an environment variable holds a bad value. */
    CONFIGURATION,
    /** No Docker or Podman engine answers. */
    NO_RUNTIME,
    /** The engine lacks the session image. */
    IMAGE_MISSING,
    /** Something else listens on the configured port. */
    PORT_IN_USE,
    OTHER
  }

  private final Problem problem;

  /** Public so that code handling a failed launch can be tested with each problem it handles. */
  public LaunchException(Problem problem, String message) {
    super(message);
    this.problem = problem;
  }

  LaunchException(Problem problem, String message, Throwable cause) {
    super(message, cause);
    this.problem = problem;
  }

  static LaunchException of(ServerStartException failure) {
    Problem problem =
        switch (failure.reason()) {
          case NO_RUNTIME -> Problem.NO_RUNTIME;
          case IMAGE_MISSING -> Problem.IMAGE_MISSING;
          case PORT_IN_USE -> Problem.PORT_IN_USE;
          case OTHER -> Problem.OTHER;
        };
    return new LaunchException(problem, failure.getMessage(), failure);
  }

  public Problem problem() {
    return problem;
  }
}
