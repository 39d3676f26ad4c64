package io.workspacebackend.console.local;

import io.workspacebackend.config.ConfigException;
import io.workspacebackend.config.LoadedConfig;
import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.console.ConsoleEnvironment;
import io.workspacebackend.server.BackendServer;
import io.workspacebackend.server.ServerStartException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.logging.LoggingSystem;

/**
 * The backend running inside the console's JVM, resolved exactly as {@code workspace-backend serve}
 * resolves it: the same config file, environment variables and database.
 */
public final class LocalServer implements AutoCloseable {
  /**
   * How long stopping waits for requests still running. Spring's default, 30 s, kept the console
   * alive that long whenever another console followed {@code /api/events} or a log: streams that
   * never finish by themselves, so waiting for them only delays the end. {@code BackendServer} has
   * no setting for it, so the console sets Spring's property for its own JVM, which runs only this
   * one backend; a value already given with {@code -D} wins.
   */
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);

  private static final String SHUTDOWN_GRACE_PROPERTY =
      "spring.lifecycle.timeout-per-shutdown-phase";

  private final WorkspaceConfig config;
  private final BackendServer server;

  private LocalServer(WorkspaceConfig config, BackendServer server) {
    this.config = config;
    this.server = server;
  }

  /** Starts the server and returns once it listens; the exception's message says why not. */
  public static LocalServer start(ConsoleEnvironment environment)
      throws ConfigException, ServerStartException {
    WorkspaceConfig config = configuration(environment);
    if (System.getProperty(SHUTDOWN_GRACE_PROPERTY) == null) {
      System.setProperty(SHUTDOWN_GRACE_PROPERTY, SHUTDOWN_GRACE.toMillis() + "ms");
    }
    // The Server log pane shows the server's log from its first line, start-up included; a
    // logging system given with -D wins (and the pane may then miss the start-up).
    LogFeed.install();
    if (System.getProperty(LoggingSystem.SYSTEM_PROPERTY) == null) {
      System.setProperty(
          LoggingSystem.SYSTEM_PROPERTY, FeedingLogbackLoggingSystem.class.getName());
    }
    return new LocalServer(config, BackendServer.start(config));
  }

  /** The configuration a local server would use; bad settings name the file and line. */
  public static WorkspaceConfig configuration(ConsoleEnvironment environment)
      throws ConfigException {
    LoadedConfig loaded =
        environment.configLoader().load(Optional.empty(), environment.overrides());
    return loaded.config();
  }

  public URI baseUri() {
    return server.baseUri();
  }

  public WorkspaceConfig config() {
    return config;
  }

  /**
   * Stops gracefully: running requests get {@link #SHUTDOWN_GRACE} to finish, streams are cut;
   * session containers keep running for next time.
   */
  @Override
  public void close() {
    server.close();
  }

  /**
   * Stops on a thread of its own and returns at once, so the window can go first. The thread is not
   * a daemon: the JVM waits for the database and engine connections to close.
   */
  public CompletableFuture<Void> stopInBackground() {
    CompletableFuture<Void> stopped = new CompletableFuture<>();
    Thread stopper =
        new Thread(
            () -> {
              try {
                close();
                stopped.complete(null);
              } catch (RuntimeException | Error e) {
                stopped.completeExceptionally(e);
              }
            },
            "local-server-stop");
    stopper.setDaemon(false);
    stopper.start();
    return stopped;
  }
}
