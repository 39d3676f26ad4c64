package io.workspacebackend.config;

import java.util.Locale;

/** The sections of config.toml, in the order they are written. */
enum Section {
  SERVER("The HTTP server: API, web console and session proxy."),
  AUTH("Login tokens and the throttling of failed sign-ins."),
  CONTAINER("The container engine and the limits of each session container."),
  SESSIONS("Workspace sessions."),
  PATHS("Where the backend keeps its files."),
  LOGGING("Log output.");

  private final String description;

  Section(String description) {
    this.description = description;
  }

  /** The name as written in TOML, e.g. {@code server}. */
  String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  String description() {
    return description;
  }
}
