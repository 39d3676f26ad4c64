package io.workspacebackend.console.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Where a view-model's blocking calls run and where their outcomes arrive: a worker and the FX
 * thread in the console; the test's own thread in a view-model's unit test, which needs no window.
 */
public interface Threading extends Worker {
  /** Runs {@code action} on the FX thread (from a stream's reader thread, say). */
  void onFx(Runnable action);

  /** The console's: {@link Background}'s workers and {@link Platform#runLater}. */
  static Threading fx() {
    return new Threading() {
      @Override
      public <T> void run(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        Background.run(work, done, failed);
      }

      @Override
      public void onFx(Runnable action) {
        Platform.runLater(action);
      }
    };
  }
}
