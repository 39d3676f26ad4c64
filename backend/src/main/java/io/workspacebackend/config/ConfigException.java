package io.workspacebackend.config;

/** A configuration problem, described in one line that the CLI prints as is. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  // Public so the CLI can report its own configuration-flag errors the same way.
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
