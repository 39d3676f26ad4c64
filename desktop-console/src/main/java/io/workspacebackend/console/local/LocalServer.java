package io.workspacebackend.console.local;

import io.workspacebackend.config.ConfigException;
import io.workspacebackend.config.LoadedConfig;
import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.console.ConsoleEnvironment;
import io.workspacebackend.server.BackendServer;
import io.workspacebackend.server.ServerStartException;
import java.net.URI;
import java.util.Optional;

/**
 * The backend running inside the console's JVM, resolved exactly as {@code workspace-backend serve}
 * resolves it: the same config file, environment variables and database.
 */
public final class LocalServer implements AutoCloseable {
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

  /** Stops gracefully: running requests finish; session containers keep running for next time. */
  @Override
  public void close() {
    server.close();
  }
}
