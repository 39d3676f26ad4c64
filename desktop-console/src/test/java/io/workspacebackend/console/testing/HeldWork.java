package io.workspacebackend.console.testing;

import io.workspacebackend.console.ui.Threading;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The console's threading for a view-model's unit test, without a window: each piece of work waits
 * until the test runs it, so that the test sees the state meanwhile (loading, actions disabled) and
 * can let events in first; what would go to the FX thread runs at once on the test's thread.
 */
public final class HeldWork implements Threading {
  private final Deque<Runnable> held = new ArrayDeque<>();

  @Override
  public <T> void run(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
    held.add(
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

  /** How many pieces of work wait. */
  public int waiting() {
    return held.size();
  }

  /** Runs the oldest piece of work, and hands its answer back as the window would. */
  public void runNext() {
    Runnable next = held.poll();
    if (next == null) {
      throw new AssertionError("no work is waiting");
    }
    next.run();
  }

  /** Runs work until none waits (including work that the answers start). */
  public void runAll() {
    while (!held.isEmpty()) {
      runNext();
    }
  }
}
