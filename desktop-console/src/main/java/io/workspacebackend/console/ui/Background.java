package io.workspacebackend.console.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Runs blocking work (HTTP calls, starting a server, building an image) off the JavaFX thread and
 * hands its result or failure back on it, so the window never freezes.
 */
public final class Background {
  private static final ExecutorService WORKERS =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "console-worker");
            thread.setDaemon(true);
            return thread;
          });

  private Background() {}

  /** Calls {@code work} on a worker; then {@code done} or {@code failed} on the FX thread. */
  public static <T> void run(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
    WORKERS.execute(
        () -> {
          try {
            T result = work.call();
            Platform.runLater(() -> done.accept(result));
          } catch (Exception | LinkageError e) {
            Platform.runLater(() -> failed.accept(e));
          }
        });
  }

  /** Runs {@code work} on a worker and ignores its result. */
  public static void execute(Runnable work) {
    WORKERS.execute(work);
  }
}
