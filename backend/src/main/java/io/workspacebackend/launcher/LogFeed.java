package io.workspacebackend.launcher;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * The log of this JVM, and so of a {@link LocalBackend} in it, from its first line, for the
 * console's start screen and Server log pane to show live: INFO and up, whatever level the server
 * logs at. An appender on Logback's root logger keeps the last lines and tells listeners of new
 * ones.
 *
 * <p>Spring Boot configures Logback when the server starts by stopping and resetting the context,
 * which detaches every appender and drops every listener, even a reset-resistant one; {@link
 * FeedingLogbackLoggingSystem} attaches the feed again right after that, before the server logs its
 * start-up. The reset listener covers any other reset (a reconfiguration).
 */
public final class LogFeed extends AppenderBase<ILoggingEvent> implements LoggerContextListener {
  private static final int KEPT_LINES = 2000;
  private static final LogFeed INSTANCE = new LogFeed();

  private final Deque<String> lines = new ArrayDeque<>();
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private PatternLayout layout;

  private LogFeed() {
    setName("console-log-feed");
  }

  /** The feed, attached to Logback's root logger on the first call. */
  public static synchronized LogFeed installed() {
    if (INSTANCE.layout == null && LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
      INSTANCE.install(ctx);
    }
    return INSTANCE;
  }

  /** Calls {@code listener} with the lines kept so far, then with each new one (any thread). */
  public void follow(Consumer<String> listener) {
    List<String> backlog;
    synchronized (lines) {
      backlog = new ArrayList<>(lines);
      listeners.add(listener);
    }
    backlog.forEach(listener);
  }

  public void unfollow(Consumer<String> listener) {
    listeners.remove(listener);
  }

  /**
   * Attaches the feed again after Logback was reset (appenders detached and stopped); a feed never
   * installed stays so.
   */
  static synchronized void reattach() {
    if (INSTANCE.getContext() instanceof LoggerContext context) {
      INSTANCE.onReset(context);
    }
  }

  private void install(LoggerContext context) {
    setContext(context);
    layout = new PatternLayout();
    layout.setContext(context);
    layout.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{24} : %msg%n%ex{short}");
    layout.start();
    start();
    context.addListener(this);
    attach(context);
    // Unconfigured Logback logs everything at DEBUG; a local server's start sets its own level.
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
  }

  @Override
  protected void append(ILoggingEvent event) {
    if (!event.getLevel().isGreaterOrEqual(Level.INFO)) {
      return;
    }
    String line = layout.doLayout(event).stripTrailing();
    synchronized (lines) {
      if (lines.size() == KEPT_LINES) {
        lines.removeFirst();
      }
      lines.addLast(line);
    }
    listeners.forEach(listener -> listener.accept(line));
  }

  private void attach(LoggerContext context) {
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    if (root.getAppender(getName()) == null) {
      root.addAppender(this);
    }
  }

  @Override
  public boolean isResetResistant() {
    return true;
  }

  @Override
  public void onReset(LoggerContext context) {
    // Spring Boot configures Logback with a reset first, which detaches and stops every appender.
    if (!isStarted()) {
      start();
    }
    attach(context);
  }

  @Override
  public void onStart(LoggerContext context) {}

  @Override
  public void onStop(LoggerContext context) {}

  @Override
  public void onLevelChange(Logger logger, Level level) {}
}
