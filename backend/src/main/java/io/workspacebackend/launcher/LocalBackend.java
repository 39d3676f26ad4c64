package io.workspacebackend.launcher;

import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.invite.InviteCodes;
import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.server.BackendServer;
import io.workspacebackend.server.ServerStartException;
import io.workspacebackend.user.UserRepository;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.logging.LoggingSystem;

/**
 * A backend running inside the caller's JVM, started by {@link Launcher}: its address, the first
 * administrator of a fresh installation, and stopping it.
 */
public final class LocalBackend implements AutoCloseable {
  /**
   * How long stopping waits for requests still running. Spring's default, 30 s, kept the console
   * alive that long whenever another console followed {@code /api/events} or a log: streams that
   * never finish by themselves, so waiting for them only delays the end. {@code BackendServer} has
   * no setting for it, so the launcher sets Spring's property for its JVM, which runs only this one
   * backend; a value already given with {@code -D} wins.
   */
  public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);

  private static final String SHUTDOWN_GRACE_PROPERTY =
      "spring.lifecycle.timeout-per-shutdown-phase";

  private final BackendServer server;
  private final FirstAdmin firstAdmin;

  private LocalBackend(BackendServer server, FirstAdmin firstAdmin) {
    this.server = server;
    this.firstAdmin = firstAdmin;
  }

  static LocalBackend start(WorkspaceConfig config) throws LaunchException {
    if (System.getProperty(SHUTDOWN_GRACE_PROPERTY) == null) {
      System.setProperty(SHUTDOWN_GRACE_PROPERTY, SHUTDOWN_GRACE.toMillis() + "ms");
    }
    // The log feed shows the server's log from its first line, start-up included. Spring Boot
    // resets Logback as it starts, so the feed is attached before and again right after that (see
    // FeedingLogbackLoggingSystem); a logging system given with -D wins, and the feed may then miss
    // the start-up.
    LogFeed.installed();
    if (System.getProperty(LoggingSystem.SYSTEM_PROPERTY) == null) {
      System.setProperty(
          LoggingSystem.SYSTEM_PROPERTY, FeedingLogbackLoggingSystem.class.getName());
    }
    BackendServer server;
    try {
      server = BackendServer.start(config);
    } catch (ServerStartException e) {
      throw LaunchException.of(e);
    }
    // The server's own beans: the database it migrated on start, the same SQL as every caller.
    return new LocalBackend(
        server, new FirstAdmin(server.bean(InviteCodes.class), server.bean(UserRepository.class)));
  }

  /** The server's base address, e.g. {@code http://127.0.0.1:8080}. */
  public URI baseUri() {
    return server.baseUri();
  }

  /** Whether nobody has an account yet, so nobody could sign in. Blocking (reads the database). */
  public boolean firstAdminNeeded() {
    return firstAdmin.needed();
  }

  /**
   * Creates the first administrator and signs {@code client} in as it; see {@link FirstAdmin}.
   * Blocking.
   */
  public SignedIn createFirstAdmin(WorkspaceClient client, String username, String password) {
    return firstAdmin.create(client, username, password);
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
   * Stops on a thread of its own and returns at once, so a window can go first. The thread is not a
   * daemon: the JVM waits for the database and engine connections to close.
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
