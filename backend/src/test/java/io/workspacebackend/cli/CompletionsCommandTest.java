package io.workspacebackend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.testing.TestHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each script is sourced by the real shell, which must accept it and complete our commands. */
@Timeout(60)
class CompletionsCommandTest {
  @TempDir Path temp;

  @Test
  void bashSourcesTheScriptAndRegistersTheCompletion() throws Exception {
    Path script = script("bash");

    ShellResult result =
        shell("bash", "-c", "source '" + script + "' && complete -p workspace-backend");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("-F _complete_workspace-backend workspace-backend");
  }

  @Test
  void bashCompletesSubcommandNames() throws Exception {
    Path script = script("bash");

    ShellResult result =
        shell(
            "bash",
            "-c",
            "source '"
                + script
                + "' && COMP_WORDS=(workspace-backend se) COMP_CWORD=1 COMP_LINE='workspace-backend se'"
                + " COMP_POINT=20 && _complete_workspace-backend && echo \"${COMPREPLY[@]}\"");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output().strip()).isEqualTo("serve");
  }

  @Test
  void zshSourcesTheScriptWithoutErrors() throws Exception {
    Path script = script("zsh");

    ShellResult result = shell("zsh", "-f", "-c", "source '" + script + "' && echo sourced");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("sourced").doesNotContain("command not found");
  }

  @Test
  void fishCompletesSubcommandsAndTheirOptions() throws Exception {
    Path script = script("fish");

    ShellResult subcommands =
        shell(
            "fish",
            "--no-config",
            "-c",
            "source '" + script + "'; complete -C 'workspace-backend se'");
    ShellResult options =
        shell(
            "fish",
            "--no-config",
            "-c",
            "source '" + script + "'; complete -C 'workspace-backend serve --po'");
    ShellResult nested =
        shell(
            "fish",
            "--no-config",
            "-c",
            "source '" + script + "'; complete -C 'workspace-backend config '");

    assertThat(subcommands.exitCode()).as(subcommands.output()).isZero();
    assertThat(subcommands.output()).startsWith("serve\t");
    assertThat(options.output()).startsWith("--port\t");
    assertThat(nested.output()).contains("show\t").contains("path\t").contains("reset\t");
  }

  private Path script(String shell) throws IOException {
    CapturingCommandLine.Result result =
        new CapturingCommandLine(TestHome.in(temp)).run("completions", shell);
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).doesNotContain("\r");
    Path file = temp.resolve("completion." + shell);
    Files.writeString(file, result.out());
    return file;
  }

  private static ShellResult shell(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new ShellResult(process.exitValue(), output);
  }

  private record ShellResult(int exitCode, String output) {}
}
