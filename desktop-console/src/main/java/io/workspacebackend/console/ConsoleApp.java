package io.workspacebackend.console;

import io.workspacebackend.console.shell.Navigator;
import io.workspacebackend.console.shell.UnexpectedErrors;
import io.workspacebackend.console.window.WindowPlacement;
import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: one window that shows the start screen, then the signed-in views. */
public final class ConsoleApp extends Application {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);

  private final ConsoleEnvironment environment;
  private Navigator navigator;
  private WindowPlacement placement;

  /** Used by {@link Application#launch}: the real user's configuration and preferences. */
  public ConsoleApp() {
    this(ConsoleEnvironment.forCurrentUser());
  }

  public ConsoleApp(ConsoleEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public void start(Stage stage) {
    UnexpectedErrors.install();
    stage.setTitle("Workspace Backend Console");
    navigator = new Navigator(stage, environment);
    navigator.useHostServices(getHostServices());
    navigator.showStart();
    // A small file read before the first frame: the window must open at its size, not resize.
    placement = WindowPlacement.apply(stage, environment.rememberedWindow().last());
    stage.show();
    // Runs after the first frame with the start screen was handed to the screen. DEBUG: the start
    // screen shows the log, and this line means nothing to its user; bench/console.sh turns this
    // logger on (bench/console-logback.xml) to measure the first frame.
    Platform.runLater(
        () ->
            LOG.debug(
                "start screen shown {} ms after the JVM started",
                System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()));
  }

  /**
   * Hides the window and closes what it opened: the event stream, terminals and a local server. The
   * server stops on its own thread, which the JVM waits for, so the FX thread is never held.
   */
  @Override
  // The future whenComplete returns only repeats the outcome, which the callback logs.
  @SuppressWarnings("FutureReturnValueIgnored")
  public void stop() {
    // On the FX thread, but the window is gone and the JVM is about to exit: nothing can wait.
    if (placement != null) {
      environment.rememberedWindow().remember(placement.current());
    }
    if (navigator != null) {
      navigator
          .close()
          .whenComplete(
              (stopped, failure) -> {
                if (failure != null) {
                  LOG.warn("the local server did not stop cleanly: {}", failure.toString());
                }
              });
    }
  }
}
