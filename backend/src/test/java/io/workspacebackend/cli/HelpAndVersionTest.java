package io.workspacebackend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.testing.TestHome;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpAndVersionTest {
  @TempDir Path temp;

  @Test
  void helpListsEverySubcommandWithADescription() {
    CapturingCommandLine.Result result = new CapturingCommandLine(TestHome.in(temp)).run("--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .containsPattern("completions\\s+Print a shell completion script")
        .containsPattern("config\\s+Show, locate or reset")
        .containsPattern("init\\s+Create the config")
        .containsPattern("serve\\s+Start the server");
  }

  @Test
  void noArgumentsPrintsUsageOnStderrAndExitsTwo() {
    CapturingCommandLine.Result result = new CapturingCommandLine(TestHome.in(temp)).run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("Usage: workspace-backend").contains("serve");
  }

  @ParameterizedTest
  @ValueSource(strings = {"config", "image", "invite-codes", "users"})
  void aGroupWithoutItsSubcommandPrintsUsageOnStderrAndExitsTwo(String group) {
    CapturingCommandLine.Result result = new CapturingCommandLine(TestHome.in(temp)).run(group);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("Usage: workspace-backend " + group);
  }

  @ParameterizedTest
  @ValueSource(strings = {"serve", "init", "config", "completions"})
  void everySubcommandHasHelp(String subcommand) {
    CapturingCommandLine.Result result =
        new CapturingCommandLine(TestHome.in(temp)).run(subcommand, "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Usage: workspace-backend " + subcommand);
  }

  @Test
  void versionNamesTheProduct() {
    CapturingCommandLine.Result result =
        new CapturingCommandLine(TestHome.in(temp)).run("--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("workspace-backend ").doesNotContain("unknown");
  }

  @Test
  void anUnknownOptionIsAUsageErrorOnOneLine() {
    CapturingCommandLine.Result result =
        new CapturingCommandLine(TestHome.in(temp)).run("serve", "--prot", "1");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip()).doesNotContain("\n").contains("--prot");
  }

  @Test
  void aNonNumericPortIsAUsageError() {
    CapturingCommandLine.Result result =
        new CapturingCommandLine(TestHome.in(temp)).run("serve", "--port", "abc");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--port").contains("abc");
  }
}
