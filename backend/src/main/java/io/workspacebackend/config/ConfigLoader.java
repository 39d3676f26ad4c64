package io.workspacebackend.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the configuration without Spring, so that quick commands start in milliseconds.
 *
 * <p>Precedence, lowest first; each layer overrides the ones before it, key by key:
 *
 * <ol>
 *   <li>built-in defaults;
 *   <li>the config file: the one passed explicitly (it must exist), else {@link
 *       #defaultConfigFile()} if it exists;
 *   <li>environment variables named {@code WORKSPACE_BACKEND__<SECTION>__<KEY>}, section and key
 *       upper-cased ({@code server.port} is {@code WORKSPACE_BACKEND__SERVER__PORT}); lists are
 *       comma-separated. A variable with that prefix that names no setting is an error;
 *   <li>command-line overrides keyed {@code "<section>.<key>"} ({@code "server.port"}).
 * </ol>
 *
 * <p>Every layer is parsed and validated the same way. In string and path values from any layer,
 * {@code $VAR} and {@code ${VAR}} are replaced from the environment (an unset variable is an error;
 * {@code $$} is a literal {@code $}), and a leading {@code ~} in a path is the home directory. Both
 * take the home directory from {@link HomeDirectory}: {@code $HOME}, else the account's. Relative
 * paths in the file are relative to the file's directory; elsewhere, to the working directory.
 * Defaults derived from other keys ({@code auth.secret_file} and {@code paths.workspace_root}
 * follow {@code paths.data_dir}) are computed after all layers.
 */
public final class ConfigLoader {
  private final Map<String, String> environment;
  private final PlatformDirs dirs;
  private final VariableExpander expander;
  private final Path workingDir;

  /**
   * A loader for the given environment, {@code os.name} and account home directory (used only when
   * the environment has no {@code HOME}), e.g. in tests.
   */
  public ConfigLoader(Map<String, String> environment, Path accountHome, String osName) {
    Path home = HomeDirectory.of(environment, accountHome);
    this.environment = Map.copyOf(environment);
    this.dirs = new PlatformDirs(environment, home, osName);
    this.workingDir = Path.of("").toAbsolutePath();
    this.expander =
        new VariableExpander(HomeDirectory.withHome(environment, home), home, workingDir);
  }

  /** A loader for this process: its environment, and {@code user.home} as the account's home. */
  public static ConfigLoader forCurrentProcess() {
    return new ConfigLoader(
        System.getenv(), Path.of(System.getProperty("user.home")), System.getProperty("os.name"));
  }

  /** The environment this loader reads, for commands that take other values from it too. */
  public Map<String, String> environment() {
    return environment;
  }

  /**
   * {@code $XDG_CONFIG_HOME/workspace-backend/config.toml}, else {@code
   * ~/.config/workspace-backend/config.toml}; {@code %APPDATA%\workspace-backend\config.toml} on
   * Windows.
   */
  public Path defaultConfigFile() {
    return dirs.configFile();
  }

  /**
   * Loads the configuration from all layers.
   *
   * @param explicitConfigFile the {@code --config} file, if given; it must exist
   * @param overrides command-line values keyed {@code "section.key"}
   */
  public LoadedConfig load(Optional<Path> explicitConfigFile, Map<String, String> overrides)
      throws ConfigException {
    Path file = workingDir.resolve(explicitConfigFile.orElseGet(this::defaultConfigFile));
    boolean exists = Files.exists(file);
    if (explicitConfigFile.isPresent() && !exists) {
      throw new ConfigException("config file " + file + " does not exist");
    }
    List<Map<Setting<?>, RawValue>> layers = new ArrayList<>();
    if (exists) {
      layers.add(TomlSource.read(file));
    }
    layers.add(EnvironmentSource.read(environment, workingDir));
    layers.add(OverrideSource.read(overrides, workingDir));
    WorkspaceConfig config = new ConfigResolver(dirs, expander).resolve(layers);
    return new LoadedConfig(config, file, exists);
  }
}
