package io.workspacebackend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.testing.TestHome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {
  @TempDir Path temp;

  @Test
  void showPrintsTheEffectiveConfigurationWithFileAndEnvironmentApplied() throws Exception {
    TestHome home = TestHome.in(temp);
    Files.createDirectories(home.configFile().getParent());
    Files.writeString(home.configFile(), "[server]\nport = 9100\n");
    home.environment().put("WORKSPACE_BACKEND__CONTAINER__RUNTIME", "docker");

    CapturingCommandLine.Result result = new CapturingCommandLine(home).run("config", "show");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("port = 9100")
        .contains("runtime = \"docker\"")
        .contains("host = \"127.0.0.1\"")
        .contains("[sessions]");
  }

  @Test
  void pathPrintsTheDefaultFileOrTheOneGiven() {
    TestHome home = TestHome.in(temp);
    CapturingCommandLine cli = new CapturingCommandLine(home);

    assertThat(cli.run("config", "path").out().strip()).isEqualTo(home.configFile().toString());
    Path other = temp.resolve("other.toml");
    assertThat(cli.run("config", "path", "--config", other.toString()).out().strip())
        .isEqualTo(other.toString());
  }

  @Test
  void resetBacksUpTheOldFileAndWritesTheDefault() throws Exception {
    TestHome home = TestHome.in(temp);
    Files.createDirectories(home.configFile().getParent());
    Files.writeString(home.configFile(), "[server]\nport = 9100\n");

    CapturingCommandLine.Result result = new CapturingCommandLine(home).run("config", "reset");

    assertThat(result.exitCode()).isZero();
    assertThat(home.configFile().resolveSibling("config.toml.bak"))
        .hasContent("[server]\nport = 9100\n");
    assertThat(Files.readString(home.configFile())).contains("port = 8080");
  }

  @Test
  void showRejectsABadValueWithExitCodeTwoAndOneLine() throws Exception {
    TestHome home = TestHome.in(temp);
    Files.createDirectories(home.configFile().getParent());
    Files.writeString(home.configFile(), "[server]\nport = \"abc\"\n");

    CapturingCommandLine.Result result = new CapturingCommandLine(home).run("config", "show");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip()).doesNotContain("\n").contains("port").contains("abc");
    assertThat(result.out()).isEmpty();
  }
}
