package io.workspacebackend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.testing.TestHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    userDirectory();

    ShellResult result = bashCompletes(temp.resolve("completion.bash"), "workspace-backend ser");

    assertThat(lines(result)).as(result.output()).containsExactly("serve");
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

  @Test
  void helpShowsOneInstallLinePerShellAndEachWorksInThatShell() throws Exception {
    Path directory = userDirectory();
    String help = new CapturingCommandLine(TestHome.in(temp)).run("completions", "--help").out();
    assertThat(help).doesNotContain("null");

    Map<String, String> installs = new LinkedHashMap<>();
    for (String line : help.lines().toList()) {
      Matcher install = Pattern.compile("^  (~/\\S+)\\s+(.*\\S)$").matcher(line);
      if (install.matches()) {
        installs.put(install.group(1), install.group(2));
      }
    }
    assertThat(installs)
        .containsOnlyKeys("~/.bashrc", "~/.zshrc", "~/.config/fish/config.fish")
        .containsEntry("~/.bashrc", "source <(workspace-backend completions bash)");

    ShellResult bash =
        shell(
            directory,
            "bash",
            "-c",
            installs.get("~/.bashrc") + " && complete -p workspace-backend");
    ShellResult zsh =
        shell(
            directory,
            "zsh",
            "-f",
            "-c",
            installs.get("~/.zshrc") + " && print -r -- ${_comps[workspace-backend]}");
    ShellResult fish =
        shell(
            directory,
            "fish",
            "--no-config",
            "-c",
            installs.get("~/.config/fish/config.fish") + "; complete -C 'workspace-backend se'");

    assertThat(bash.output()).contains("-F _complete_workspace-backend workspace-backend");
    assertThat(zsh.output()).contains("_complete_workspace-backend");
    assertThat(fish.output()).startsWith("serve\t");
  }

  @Test
  void anOptionWithFixedValuesOffersThoseValuesAndNoFilesInEveryShell() throws Exception {
    Path directory = userDirectory();
    String line = "workspace-backend invite-codes generate --role ";

    ShellResult bash = bashCompletes(temp.resolve("completion.bash"), line);
    ShellResult zsh = zshCompletes(temp.resolve("completion.zsh"), line);
    ShellResult fish =
        shell(
            directory,
            "fish",
            "--no-config",
            "-c",
            "source '" + temp.resolve("completion.fish") + "'; complete -C '" + line + "'");

    assertThat(lines(bash)).as(bash.output()).containsExactly("admin", "user");
    assertThat(lines(zsh)).as(zsh.output()).containsExactly("admin", "user");
    assertThat(lines(fish))
        .as(fish.output())
        .map(offered -> offered.split("\t")[0])
        .containsExactly("admin", "user");
  }

  @Test
  void aValueThatIsNoFileOffersNothingAndAPathOffersFilesInEveryShell() throws Exception {
    Path directory = userDirectory();

    for (String shell : List.of("bash", "zsh", "fish")) {
      Path script = temp.resolve("completion." + shell);
      Map<String, List<String>> offered = new LinkedHashMap<>();
      for (String line :
          List.of("workspace-backend serve --port ", "workspace-backend --config ")) {
        ShellResult result =
            switch (shell) {
              case "bash" -> bashCompletes(script, line);
              case "zsh" -> zshCompletes(script, line);
              default ->
                  shell(
                      directory,
                      "fish",
                      "--no-config",
                      "-c",
                      "source '" + script + "'; complete -C '" + line + "'");
            };
        offered.put(line, lines(result));
      }
      assertThat(offered.get("workspace-backend serve --port ")).as(shell).isEmpty();
      assertThat(offered.get("workspace-backend --config "))
          .as(shell)
          .anySatisfy(file -> assertThat(file).contains("notes.txt"));
    }
  }

  @Test
  void fishOffersSubcommandsAfterAGlobalOptionAndItsValue() throws Exception {
    Path script = script("fish");

    ShellResult result =
        shell(
            "fish",
            "--no-config",
            "-c",
            "source '" + script + "'; complete -C 'workspace-backend --config my.toml se'");

    assertThat(result.output()).startsWith("serve\t");
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

  /**
   * A directory holding a file, where a shell's completion would offer it, and a {@code
   * workspace-backend} on the PATH that prints this build's scripts as the real command does.
   */
  private Path userDirectory() throws IOException {
    for (String shell : List.of("bash", "zsh", "fish")) {
      script(shell);
    }
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path command = bin.resolve("workspace-backend");
    Files.writeString(command, "#!/bin/sh\nexec cat '" + temp + "/completion.'\"$2\"\n");
    Files.setPosixFilePermissions(command, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path directory = Files.createDirectories(temp.resolve("work"));
    Files.writeString(directory.resolve("notes.txt"), "a file completion must not offer\n");
    return directory;
  }

  /**
   * What zsh offers for {@code line} in {@link #userDirectory()}, through the script's real
   * bashcompinit bridge.
   */
  private ShellResult zshCompletes(Path script, String line) throws Exception {
    // compadd only works inside an interactive completion widget; here it prints what it is given.
    String harness =
        """
        autoload -U compinit && compinit -u
        source "$1"
        compadd() { print -rl -- "${@[${@[(i)-]}+1,-1]}" }
        _default() { print -r -- "<files>" }
        compset() { return 1 }
        words=( ${(z)2} '' )
        CURRENT=${#words}
        eval "_bash_complete ${_comps[workspace-backend]#_bash_complete }"
        """;
    Path file = Files.writeString(temp.resolve("zsh-harness"), harness);
    return shell(temp.resolve("work"), "zsh", "-f", file.toString(), script.toString(), line);
  }

  /** What bash offers for {@code line} in {@link #userDirectory()}, as bash calls the function. */
  private ShellResult bashCompletes(Path script, String line) throws Exception {
    String harness =
        """
        source "$1"
        COMP_LINE="$2"
        read -ra COMP_WORDS <<< "$COMP_LINE"
        [[ $COMP_LINE == *' ' ]] && COMP_WORDS+=('')
        COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
        COMP_POINT=${#COMP_LINE}
        # compopt complains outside a real completion; what is offered is all that counts.
        _complete_workspace-backend 2>/dev/null
        printf '%s\\n' "${COMPREPLY[@]}"
        """;
    Path file = Files.writeString(temp.resolve("bash-harness"), harness);
    return shell(temp.resolve("work"), "bash", file.toString(), script.toString(), line);
  }

  private static List<String> lines(ShellResult result) {
    return result.output().lines().filter(line -> !line.isBlank()).toList();
  }

  private static ShellResult shell(String... command) throws Exception {
    return shell(null, command);
  }

  private static ShellResult shell(Path directory, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (directory != null) {
      builder.directory(directory.toFile());
      Path bin = directory.resolveSibling("bin");
      builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
      builder.environment().put("HOME", directory.toString());
    }
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new ShellResult(process.exitValue(), output);
  }

  private record ShellResult(int exitCode, String output) {}
}
