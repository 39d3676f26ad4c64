package io.workspacebackend.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
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
      "Install: add the line for your shell to its start-up file.",
      "  ~/.bashrc                   source <(workspace-backend completions bash)",
      "  ~/.zshrc                    source <(workspace-backend completions zsh)",
      "  ~/.config/fish/config.fish  workspace-backend completions fish | source"
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
          case bash, zsh -> BashCompletion.script(root);
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
