package io.workspacebackend.console.local;

import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;

/**
 * Spring Boot's Logback set-up, followed by attaching the {@link LogFeed} again. Boot configures
 * Logback by stopping and resetting it, which drops the feed's appender and its reset listener, so
 * without this the console lost every line the local server logged while starting. The local server
 * selects it with Boot's documented {@code org.springframework.boot.logging.LoggingSystem} system
 * property.
 */
public final class FeedingLogbackLoggingSystem extends LogbackLoggingSystem {
  public FeedingLogbackLoggingSystem(ClassLoader classLoader) {
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
