package io.workspacebackend.console.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.ListView;

/**
 * A pane of log lines that any thread may append to. Lines are handed to the FX thread in batches
 * (a busy log must not flood it with one task per line); the view keeps the last lines and, while
 * following, scrolls to the newest.
 */
public final class LogView extends ListView<String> {
  private static final int KEPT_LINES = 5000;

  private final Queue<String> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final BooleanProperty follow = new SimpleBooleanProperty(true);

  public LogView() {
    getStyleClass().add("log-pane");
    setFocusTraversable(true);
  }

  /** Whether the view scrolls to each new line. */
  public BooleanProperty followProperty() {
    return follow;
  }

  /**
   * Appends {@code text}: one line, with or without its line break, or several ({@link LogLines});
   * callable from any thread.
   */
  public void append(String text) {
    pending.addAll(LogLines.of(text));
    if (drainScheduled.compareAndSet(false, true)) {
      Platform.runLater(this::drain);
    }
  }

  /** Everything shown, as one text (for copying and for tests). */
  public String text() {
    return String.join("\n", getItems());
  }

  private void drain() {
    drainScheduled.set(false);
    List<String> batch = new ArrayList<>();
    for (String line = pending.poll(); line != null; line = pending.poll()) {
      batch.add(line);
    }
    if (batch.isEmpty()) {
      return;
    }
    getItems().addAll(batch);
    int excess = getItems().size() - KEPT_LINES;
    if (excess > 0) {
      getItems().remove(0, excess);
    }
    if (follow.get()) {
      scrollTo(getItems().size() - 1);
    }
  }
}
