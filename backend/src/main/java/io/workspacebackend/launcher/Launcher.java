package io.workspacebackend.launcher;

import io.workspacebackend.config.ConfigException;
import io.workspacebackend.config.ConfigLoader;
import io.workspacebackend.config.WorkspaceConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one way into the backend for a program that runs it in its own JVM, the desktop console:
 * start a server and build the session image it needs, with the configuration {@code
 * workspace-backend serve} would use (the same file, environment variables and database) plus the
 * caller's settings.
 */
public final class Launcher {
  private final ConfigLoader loader;
  private final Map<String, String> settings;

  private Launcher(ConfigLoader loader, Map<String, String> settings) {
    this.loader = loader;
    this.settings = Map.copyOf(settings);
  }

  /** This process's environment and the account's home, as {@code serve} reads them. */
  public static Launcher forCurrentProcess() {
    return new Launcher(ConfigLoader.forCurrentProcess(), Map.of());
  }

  /**
   * The given environment variables, home directory and {@code os.name}, with {@code settings}
   * keyed {@code "section.key"} as if given on the command line (tests use a temporary home).
   */
  public static Launcher forEnvironment(
      Map<String, String> environment, Path home, String osName, Map<String, String> settings) {
    return new Launcher(new ConfigLoader(environment, home, osName), settings);
  }

  /** The configuration file a local server reads (it need not exist). */
  public Path configFile() {
    return loader.defaultConfigFile();
  }

  /** Starts a server in this JVM and returns once it listens; the failure says why not. */
  public LocalBackend start() throws LaunchException {
    return LocalBackend.start(configuration());
  }

  /**
   * Builds the configured session image, as {@code workspace-backend image build} does, handing
   * each progress line to {@code progress} as it comes; blocks until done.
   *
   * @return the tag built
   */
  public String buildSessionImage(Consumer<String> progress)
      throws LaunchException, InterruptedException {
    return SessionImageBuild.run(configuration(), progress);
  }

  private WorkspaceConfig configuration() throws LaunchException {
    try {
      return loader.load(Optional.empty(), settings).config();
    } catch (ConfigException e) {
      throw new LaunchException(LaunchException.Problem.CONFIGURATION, e.getMessage(), e);
    }
  }
}
