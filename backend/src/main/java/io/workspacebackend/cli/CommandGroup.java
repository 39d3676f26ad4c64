package io.workspacebackend.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParentCommand;

/** A subcommand that only groups others ({@code config}, {@code image}, {@code invite-codes}). */
abstract class CommandGroup implements Runnable {
  @ParentCommand WorkspaceBackendCommand root;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Given no subcommand, the group shows its usage: which subcommands there are. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
