package io.workspacebackend.cli;

import io.workspacebackend.config.ConfigException;
import io.workspacebackend.config.ConfigLoader;
import io.workspacebackend.config.LoadedConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The top-level {@code workspace-backend} command: groups the subcommands and holds the global
 * options, which every subcommand inherits ({@code --config}, {@code --verbose}).
 */
@Command(
    name = "workspace-backend",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Self-hosted control plane for AI coding workspaces.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      CompletionsCommand.class,
      ConfigCommand.class,
      ImageCommand.class,
      InitCommand.class,
      InviteCodesCommand.class,
      ServeCommand.class,
      SessionsCommand.class,
      UsersCommand.class,
    })
final class WorkspaceBackendCommand implements Callable<Integer> {
  private final ConfigLoader configLoader;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ConfigFileOption configFile;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Print stack traces with errors.")
  boolean verbose;

  WorkspaceBackendCommand(ConfigLoader configLoader) {
    this.configLoader = configLoader;
  }

  /** The configuration file in use: the one {@code --config} names, else the default one. */
  Path configFile() {
    return configFile.fileInUse(configLoader);
  }

  /** The file {@code --config} names, if it was given. */
  Optional<Path> explicitConfigFile() {
    return configFile.explicitFile();
  }

  /** Loads the configuration, with {@code overrides} as the command line's layer. */
  LoadedConfig loadConfig(Map<String, String> overrides) throws ConfigException {
    return configFile.load(configLoader, overrides);
  }

  LoadedConfig loadConfig() throws ConfigException {
    return loadConfig(Map.of());
  }

  /** The process's environment, as the configuration loader reads it. */
  Map<String, String> environment() {
    return configLoader.environment();
  }

  /** No subcommand is a usage error: a script must not take a bare call for success. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /** A fully wired command line; tests pass their own loader (environment, home directory). */
  static CommandLine commandLine(ConfigLoader configLoader) {
    CliErrorHandler errors = new CliErrorHandler();
    CommandLine commandLine = new CommandLine(new WorkspaceBackendCommand(configLoader));
    commandLine.setExecutionExceptionHandler(errors);
    commandLine.setParameterExceptionHandler(errors);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }
}
