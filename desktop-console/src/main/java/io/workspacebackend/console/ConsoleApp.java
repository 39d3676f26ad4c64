package io.workspacebackend.console;

import io.workspacebackend.console.local.LogFeed;
import io.workspacebackend.console.shell.Navigator;
import io.workspacebackend.console.theme.Themes;
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

  /** Used by {@link Application#launch}: the real user's configuration and preferences. */
  public ConsoleApp() {
    this(ConsoleEnvironment.forCurrentUser());
  }

  public ConsoleApp(ConsoleEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public void start(Stage stage) {
    LogFeed.install();
    Themes.applyOsPreference();
    stage.setTitle("Workspace Backend Console");
    navigator = new Navigator(stage, environment);
    navigator.showStart();
    stage.show();
    // Runs after the first frame with the start screen was handed to the screen.
    Platform.runLater(
        () ->
            LOG.info(
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
