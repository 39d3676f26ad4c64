package io.workspacebackend.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigErrorsTest {
  @TempDir Path home;

  private AbstractThrowableAssert<?, ? extends Throwable> loading(
      String toml, Map<String, String> env, Map<String, String> overrides) throws IOException {
    Path file = Files.writeString(home.resolve("config.toml"), toml);
    ConfigLoader loader = new ConfigLoader(env, home, "Linux");
    return assertThatThrownBy(() -> loader.load(Optional.of(file), overrides))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  private AbstractThrowableAssert<?, ? extends Throwable> loading(String toml) throws IOException {
    return loading(toml, Map.of(), Map.of());
  }

  private String file() {
    return home.resolve("config.toml").toString();
  }

  @Test
  void aSyntaxErrorNamesTheFileLineAndColumn() throws IOException {
    loading("[server]\nhost = \"a\"\nport = 80x80\n")
        .message()
        .startsWith(file() + ":3:")
        .matches(".*:3:\\d+: .+");
  }

  @Test
  void anUnterminatedStringNamesTheFileLineAndColumn() throws IOException {
    loading("[server]\nhost = \"a\n").hasMessage(file() + ":2:10: newline not permitted here");
  }

  @Test
  void anUnknownKeyIsNamedWithTheClosestKnownOne() throws IOException {
    loading("[server]\nprot = 8080\n")
        .hasMessage(file() + ": unknown key \"prot\" in [server] (did you mean \"port\"?)");
  }

  @Test
  void anUnknownKeyWithNothingCloseListsTheKnownKeys() throws IOException {
    loading("[logging]\ncolour = true\n")
        .hasMessage(file() + ": unknown key \"colour\" in [logging] (known keys: level, file)");
  }

  @Test
  void anUnknownSectionIsNamedWithTheClosestKnownOne() throws IOException {
    loading("[sever]\nport = 1\n")
        .hasMessage(file() + ": unknown section [sever] (did you mean [server]?)");
  }

  @Test
  void aKeyOutsideAnySectionNamesTheSectionItBelongsIn() throws IOException {
    loading("port = 1\n")
        .hasMessage(file() + ": key \"port\" is outside any section (it belongs in [server])");
  }

  @Test
  void anUnknownEnvironmentVariableWithThePrefixIsNamedWithASuggestion() throws IOException {
    loading("", Map.of("WORKSPACE_BACKEND__SERVER__PROT", "1"), Map.of())
        .hasMessage(
            "unknown environment variable WORKSPACE_BACKEND__SERVER__PROT"
                + " (did you mean WORKSPACE_BACKEND__SERVER__PORT?)");
  }

  @Test
  void anUnknownEnvironmentVariableWithNothingCloseGetsNoSuggestion() throws IOException {
    loading("", Map.of("WORKSPACE_BACKEND__FOO__BAR", "1"), Map.of())
        .hasMessage("unknown environment variable WORKSPACE_BACKEND__FOO__BAR");
  }

  @Test
  void anUnknownOverrideIsNamedWithASuggestion() throws IOException {
    loading("", Map.of(), Map.of("server.prot", "1"))
        .hasMessage("unknown setting \"server.prot\" (did you mean \"server.port\"?)");
  }

  @Test
  void aNonNumericPortNamesTheKeyAndTheAllowedRange() throws IOException {
    loading("[server]\nport = \"abc\"\n")
        .hasMessage(file() + ": server.port = \"abc\": expected an integer from 0 to 65535");
  }

  @Test
  void aBasePortOutOfRangeNamesTheKeyAndTheAllowedRange() throws IOException {
    loading("[container]\nbase_port = 70000\n")
        .hasMessage(
            file() + ": container.base_port = 70000: expected an integer from 1024 to 65533");
  }

  @Test
  void anUnknownRuntimeListsTheAllowedOnes() throws IOException {
    loading("[container]\nruntime = \"lxc\"\n")
        .hasMessage(file() + ": container.runtime = \"lxc\": expected one of auto, docker, podman");
  }

  @Test
  void aBinaryThatIsNotOnThePathNamesTheKey() throws IOException {
    loading("[container]\nbinary = \"dockr\"\n", Map.of("PATH", System.getenv("PATH")), Map.of())
        .hasMessage(
            file()
                + ": container.binary = \"dockr\": no program \"dockr\" on the PATH; give its full"
                + " path or install it");
  }

  @Test
  void aBinaryPathThatIsNoExecutableFileNamesTheKey() throws IOException {
    Path notExecutable = Files.writeString(home.resolve("docker"), "not a program\n");

    loading("", Map.of("WORKSPACE_BACKEND__CONTAINER__BINARY", "/nonexistent/docker"), Map.of())
        .hasMessage(
            "environment variable WORKSPACE_BACKEND__CONTAINER__BINARY: container.binary ="
                + " \"/nonexistent/docker\": there is no executable file at /nonexistent/docker");
    loading("", Map.of(), Map.of("container.binary", notExecutable.toString()))
        .hasMessageEndingWith("there is no executable file at " + notExecutable);
  }

  @Test
  void aBadEnvironmentValueNamesTheVariable() throws IOException {
    loading("", Map.of("WORKSPACE_BACKEND__SERVER__PORT", "abc"), Map.of())
        .hasMessage(
            "environment variable WORKSPACE_BACKEND__SERVER__PORT: server.port = \"abc\":"
                + " expected an integer from 0 to 65535");
  }

  @Test
  void aBadOverrideIsReportedLikeAnEnvironmentValue() throws IOException {
    loading("", Map.of(), Map.of("logging.level", "loud"))
        .hasMessage(
            "command line: logging.level = \"loud\": expected one of error, warn, info, debug,"
                + " trace");
  }

  @Test
  void aBadFileValueIsReportedEvenWhenTheEnvironmentOverridesIt() throws IOException {
    loading("[server]\nport = -1\n", Map.of("WORKSPACE_BACKEND__SERVER__PORT", "9000"), Map.of())
        .hasMessageStartingWith(file() + ": server.port = -1:");
  }

  @Test
  void badDurationsSizesDecimalsAndOriginsSayWhatIsAllowed() throws IOException {
    loading("[sessions]\nstartup_timeout = \"10\"\n")
        .hasMessageContaining("expected a positive duration like \"90s\"");
    loading("[container]\nmemory_limit = \"2 parsecs\"\n")
        .hasMessageContaining("expected a size like \"512MB\"");
    loading("[container]\ncpus = 0\n")
        .hasMessageContaining("container.cpus = 0: expected a number greater than 0");
    loading("[server]\nallowed_origins = [\"https://a.example.com/path\"]\n")
        .hasMessageContaining(
            "server.allowed_origins = [\"https://a.example.com/path\"]: expected a list of origins");
    loading("[server]\nsession_domain = \"https://ws.example.com\"\n")
        .hasMessageContaining(
            "server.session_domain = \"https://ws.example.com\": expected a domain name like");
    loading("[server]\nsession_domain = \"127.0.0.1\"\n")
        .hasMessageContaining("expected a domain name");
    loading("[server]\nport = [1]\n")
        .hasMessageContaining("server.port = [\"1\"]: expected an integer");
  }

  @Test
  void aSectionWrittenAsAValueIsRejected() throws IOException {
    loading("server = 1\n").hasMessage(file() + ": \"server\" must be a section, [server]");
  }

  @Test
  void aMissingExplicitConfigFileIsAnError() {
    Path missing = home.resolve("nope.toml");
    ConfigLoader loader = new ConfigLoader(Map.of(), home, "Linux");

    assertThatThrownBy(() -> loader.load(Optional.of(missing), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config file " + missing + " does not exist");
  }

  @Test
  void aMissingDefaultConfigFileIsFine() throws ConfigException {
    LoadedConfig loaded =
        new ConfigLoader(Map.of(), home, "Linux").load(Optional.empty(), Map.of());

    assertThat(loaded.configFileExists()).isFalse();
  }
}
