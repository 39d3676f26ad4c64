package io.workspacebackend.console.testing;

import io.workspacebackend.console.ui.Threading;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The console's threading for a view-model's unit test, without a window: blocking calls wait in a
 * queue until the test lets them run (so it can look at what happens meanwhile), and what would go
 * to the FX thread runs at once on the test's thread.
 */
public final class QueuedThreading implements Threading {
  private final Queue<Runnable> calls = new ArrayDeque<>();

  @Override
  public <T> void run(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
    calls.add(
        () -> {
          T result;
          try {
            result = work.call();
          } catch (Exception e) {
            failed.accept(e);
            return;
          }
          done.accept(result);
        });
  }

  @Override
  public void onFx(Runnable action) {
    action.run();
  }

  /** How many calls wait to run. */
  public int waiting() {
    return calls.size();
  }

  /** Runs the waiting calls, and the ones they start, until none waits. */
  public void runAll() {
    for (Runnable call = calls.poll(); call != null; call = calls.poll()) {
      call.run();
    }
  }
}
