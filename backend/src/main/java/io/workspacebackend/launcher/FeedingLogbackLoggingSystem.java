package io.workspacebackend.launcher;

import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;

/**
 * Spring Boot's Logback set-up, followed by attaching the {@link LogFeed} again. Boot configures
 * Logback by stopping and resetting it, which drops the feed's appender and its reset listener, so
 * without this the console lost every line the local server logged while starting. {@link
 * LocalBackend} selects it with Boot's documented {@code org.springframework.boot.logging.
 * LoggingSystem} system property (Boot makes the constructor accessible, so the class need not be
 * public).
 *
 * <p>It lives on the backend's side of the launcher: that the backend boots with Spring Boot, and
 * that Boot resets Logback, is the backend's business, and the console follows the feed without
 * knowing either.
 */
final class FeedingLogbackLoggingSystem extends LogbackLoggingSystem {
  FeedingLogbackLoggingSystem(ClassLoader classLoader) {
    super(classLoader);
  }

  @Override
  public void initialize(
      LoggingInitializationContext initializationContext, String configLocation, LogFile logFile) {
    super.initialize(initializationContext, configLocation, logFile);
    LogFeed.reattach();
  }

  @Override
  protected void reinitialize(LoggingInitializationContext initializationContext) {
    super.reinitialize(initializationContext);
    LogFeed.reattach();
  }
}
