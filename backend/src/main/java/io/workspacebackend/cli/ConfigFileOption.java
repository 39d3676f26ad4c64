package io.workspacebackend.cli;

import io.workspacebackend.config.ConfigException;
import io.workspacebackend.config.ConfigLoader;
import io.workspacebackend.config.LoadedConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option shared by every command that reads the configuration. */
final class ConfigFileOption {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Configuration file (default: $XDG_CONFIG_HOME/workspace-backend/config.toml).")
  Path configFile;

  Optional<Path> explicitFile() {
    return Optional.ofNullable(configFile);
  }

  LoadedConfig load(ConfigLoader loader, Map<String, String> overrides) throws ConfigException {
    return loader.load(explicitFile(), overrides);
  }

  LoadedConfig load(ConfigLoader loader) throws ConfigException {
    return load(loader, Map.of());
  }
}
