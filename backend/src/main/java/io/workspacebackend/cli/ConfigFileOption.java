package io.workspacebackend.cli;

import io.workspacebackend.config.ConfigException;
import io.workspacebackend.config.ConfigLoader;
import io.workspacebackend.config.LoadedConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The global {@code --config FILE} option. It is inherited by every subcommand, so it may come
 * before the subcommand ({@code workspace-backend --config FILE serve}) or after it.
 */
final class ConfigFileOption {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description = "Configuration file (default: $XDG_CONFIG_HOME/workspace-backend/config.toml).")
  Path configFile;

  Optional<Path> explicitFile() {
    return Optional.ofNullable(configFile);
  }

  /** The file given, else the default one, which need not exist. */
  Path fileInUse(ConfigLoader loader) {
    return explicitFile().orElseGet(loader::defaultConfigFile);
  }

  LoadedConfig load(ConfigLoader loader, Map<String, String> overrides) throws ConfigException {
    return loader.load(explicitFile(), overrides);
  }
}
