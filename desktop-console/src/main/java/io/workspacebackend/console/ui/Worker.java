package io.workspacebackend.console.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work and hands its result or failure back: {@link Background#run} in the window
 * (work off the FX thread, answers on it), work run at a test's command in view-model tests.
 */
@FunctionalInterface
public interface Worker {
  <T> void run(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed);
}
