package io.workspacebackend.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Keeps library chatter (Flyway, Spring JDBC) off the output of commands that open the database
 * themselves: without Spring Boot's logging set-up, Logback would log them at DEBUG to stdout, and
 * {@code invite-codes generate} must print only codes.
 */
final class CliLogging {
  private CliLogging() {}

  static void quietLibraries() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      for (String name : new String[] {"org.flywaydb", "org.springframework", "org.sqlite"}) {
        Logger logger = context.getLogger(name);
        if (logger.getLevel() == null) {
          logger.setLevel(Level.WARN);
        }
      }
    }
  }
}
