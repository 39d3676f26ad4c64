package io.workspacebackend.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code completions bash|zsh|fish}: a script the user's shell sources. */
@Command(
    name = "completions",
    mixinStandardHelpOptions = true,
    description = "Print a shell completion script (bash, zsh or fish).",
    footer = {
      "",
      "Examples:",
      "  source <(workspace-backend completions bash)",
      "  workspace-backend completions zsh > \"${fpath[1]}/_workspace-backend\"",
      "  workspace-backend completions fish > ~/.config/fish/completions/workspace-backend.fish"
    })
final class CompletionsCommand implements Callable<Integer> {
  enum Shell {
    bash,
    zsh,
    fish
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "One of: ${COMPLETION-CANDIDATES}.")
  Shell shell;

  @Override
  public Integer call() {
    CommandLine root = spec.root().commandLine();
    String script =
        switch (shell) {
          // picocli's script carries its own zsh shim (bashcompinit), so one script serves both.
          case bash, zsh -> AutoComplete.bash(root.getCommandName(), root);
          case fish -> FishCompletion.script(root);
        };
    PrintWriter out = spec.commandLine().getOut();
    // print, not println: the script must end in \n on every platform, never \r\n.
    out.print(script.replace("\r\n", "\n"));
    if (!script.endsWith("\n")) {
      out.print("\n");
    }
    out.flush();
    return ExitCodes.OK;
  }
}
