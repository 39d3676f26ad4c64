package io.workspacebackend.console.shell;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to an exception nothing caught, on the FX thread or any other: its stack trace goes
 * to the log, and the window shows one plain sentence ({@link UnexpectedErrorBar}) that stays one
 * sentence however many follow, instead of a dialog per exception.
 */
public final class UnexpectedErrors implements Thread.UncaughtExceptionHandler {
  /** What the user is told; the details are for the log, not for them. */
  public static final String MESSAGE =
      "Something went wrong inside the console; the details are in its log.";

  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrors.class);
  private static final UnexpectedErrors INSTANCE = new UnexpectedErrors();

  private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(false);

  private UnexpectedErrors() {}

  /**
   * Handles uncaught exceptions of every thread, and of the calling one (the FX thread, at start)
   * in case it had a handler of its own.
   */
  public static UnexpectedErrors install() {
    Thread.setDefaultUncaughtExceptionHandler(INSTANCE);
    Thread.currentThread().setUncaughtExceptionHandler(INSTANCE);
    return INSTANCE;
  }

  /** The one handler, whether installed or not (the window's bar shows its state). */
  public static UnexpectedErrors instance() {
    return INSTANCE;
  }

  @Override
  public void uncaughtException(Thread thread, Throwable failure) {
    LOG.error("Uncaught exception on thread {}", thread.getName(), failure);
    if (Platform.isFxApplicationThread()) {
      shown.set(true);
      return;
    }
    try {
      Platform.runLater(() -> shown.set(true));
    } catch (IllegalStateException toolkitGone) {
      // No window (not started yet, or closing): the log has it all.
    }
  }

  /** Whether the sentence is showing; changes on the FX thread. */
  public ReadOnlyBooleanProperty shownProperty() {
    return shown.getReadOnlyProperty();
  }

  /** Hides the sentence until the next uncaught exception. */
  public void dismiss() {
    shown.set(false);
  }
}
