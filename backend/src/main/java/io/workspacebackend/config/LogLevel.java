package io.workspacebackend.config;

/** The least severe log level that is written, from the fewest messages to the most. */
public enum LogLevel {
  ERROR,
  WARN,
  INFO,
  DEBUG,
  TRACE
}
