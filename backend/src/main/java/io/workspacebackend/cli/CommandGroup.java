package io.workspacebackend.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ParentCommand;

/** A subcommand that only groups others ({@code config}, {@code image}, {@code invite-codes}). */
abstract class CommandGroup implements Callable<Integer> {
  @ParentCommand WorkspaceBackendCommand root;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Given no subcommand, the group shows which there are, as a usage error (as the root does). */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
