package io.workspacebackend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.testing.TestHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    Path backup = home.configFile().resolveSibling("config.toml.bak");
    assertThat(result.exitCode()).isZero();
    assertThat(backup).hasContent("[server]\nport = 9100\n");
    assertThat(result.out()).contains("backed up " + home.configFile() + " to " + backup);
    assertThat(Files.readString(home.configFile())).contains("port = 8080");
  }

  @Test
  void everyResetKeepsEveryEarlierBackupAndSaysWhereTheNewOneWent() throws Exception {
    TestHome home = TestHome.in(temp);
    Files.createDirectories(home.configFile().getParent());
    CapturingCommandLine cli = new CapturingCommandLine(home);
    List<String> said = new ArrayList<>();
    for (int port : new int[] {9100, 9200, 9300}) {
      Files.writeString(home.configFile(), "[server]\nport = " + port + "\n");
      CapturingCommandLine.Result result = cli.run("config", "reset");
      assertThat(result.exitCode()).isZero();
      said.add(result.out());
    }

    Path directory = home.configFile().getParent();
    assertThat(directory.resolve("config.toml.bak")).hasContent("[server]\nport = 9100\n");
    assertThat(directory.resolve("config.toml.bak.1")).hasContent("[server]\nport = 9200\n");
    assertThat(directory.resolve("config.toml.bak.2")).hasContent("[server]\nport = 9300\n");
    assertThat(said.get(2)).contains(" to " + directory.resolve("config.toml.bak.2"));
  }

  @Test
  void resetTwiceInARowKeepsTheUsersConfigurationInTheBackup() throws Exception {
    TestHome home = TestHome.in(temp);
    Files.createDirectories(home.configFile().getParent());
    Files.writeString(home.configFile(), "[server]\nport = 9100\n");
    CapturingCommandLine cli = new CapturingCommandLine(home);

    cli.run("config", "reset");
    CapturingCommandLine.Result second = cli.run("config", "reset");

    assertThat(second.exitCode()).isZero();
    assertThat(second.out()).contains("already holds the default configuration; nothing changed");
    assertThat(home.configFile().resolveSibling("config.toml.bak"))
        .hasContent("[server]\nport = 9100\n");
    try (Stream<Path> files = Files.list(home.configFile().getParent())) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .containsExactlyInAnyOrder("config.toml", "config.toml.bak");
    }
  }

  @Test
  void aBinaryThatDoesNotExistIsAConfigurationErrorNamingTheKey() {
    TestHome home = TestHome.in(temp);
    home.environment().put("WORKSPACE_BACKEND__CONTAINER__BINARY", "/nonexistent/docker");

    CapturingCommandLine.Result result = new CapturingCommandLine(home).run("config", "show");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip())
        .doesNotContain("\n")
        .contains("container.binary")
        .endsWith("there is no executable file at /nonexistent/docker");
  }

  @ParameterizedTest
  @ValueSource(strings = {"before", "after"})
  void configIsAcceptedBeforeOrAfterTheSubcommand(String where) throws Exception {
    TestHome home = TestHome.in(temp);
    Path file = Files.writeString(temp.resolve("other.toml"), "[server]\nport = 9100\n");
    String[] args =
        where.equals("before")
            ? new String[] {"--config", file.toString(), "config", "show"}
            : new String[] {"config", "show", "--config", file.toString()};

    CapturingCommandLine.Result result = new CapturingCommandLine(home).run(args);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("port = 9100");
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
