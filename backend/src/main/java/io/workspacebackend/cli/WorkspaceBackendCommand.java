package io.workspacebackend.cli;

import io.workspacebackend.config.ConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code workspace-backend} command; it only groups the subcommands. */
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
    })
final class WorkspaceBackendCommand implements Runnable {
  private final ConfigLoader configLoader;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Print stack traces with errors.")
  boolean verbose;

  WorkspaceBackendCommand(ConfigLoader configLoader) {
    this.configLoader = configLoader;
  }

  ConfigLoader configLoader() {
    return configLoader;
  }

  @Override
  public void run() {
    // No subcommand: show what there is, as `git` does.
    spec.commandLine().usage(spec.commandLine().getOut());
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
