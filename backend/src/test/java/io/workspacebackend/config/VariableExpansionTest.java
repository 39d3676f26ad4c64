package io.workspacebackend.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariableExpansionTest {
  @TempDir Path home;

  private WorkspaceConfig load(String toml, Map<String, String> env, Map<String, String> overrides)
      throws ConfigException, IOException {
    Path file = Files.writeString(home.resolve("config.toml"), toml);
    return new ConfigLoader(env, home, "Linux").load(Optional.of(file), overrides).config();
  }

  @Test
  void aLeadingTildeInAPathIsTheHomeDirectory() throws Exception {
    WorkspaceConfig config =
        load(
            "[paths]\ndata_dir = \"~/wb\"\n",
            Map.of("WORKSPACE_BACKEND__PATHS__STATE_DIR", "~"),
            Map.of("paths.workspace_root", "~/ws"));

    assertThat(config.paths().dataDir()).isEqualTo(home.resolve("wb"));
    assertThat(config.paths().stateDir()).isEqualTo(home);
    assertThat(config.paths().workspaceRoot()).isEqualTo(home.resolve("ws"));
  }

  @Test
  void tildeAndDollarHomeAreBothTheEnvironmentsHome() throws Exception {
    Path environmentHome = home.resolve("from-environment");
    Path file = Files.writeString(home.resolve("config.toml"), "[paths]\ndata_dir = \"~/wb\"\n");
    ConfigLoader loader =
        new ConfigLoader(
            Map.of("HOME", environmentHome.toString()), home.resolve("account-home"), "Linux");

    WorkspaceConfig config =
        loader.load(Optional.of(file), Map.of("paths.state_dir", "$HOME/wb")).config();

    assertThat(config.paths().dataDir()).isEqualTo(environmentHome.resolve("wb"));
    assertThat(config.paths().stateDir()).isEqualTo(environmentHome.resolve("wb"));
    assertThat(loader.defaultConfigFile())
        .isEqualTo(environmentHome.resolve(".config/workspace-backend/config.toml"));
  }

  @Test
  void withoutHomeInTheEnvironmentTildeAndDollarHomeAreBothTheAccountsHome() throws Exception {
    Path accountHome = home.resolve("account-home");
    Path file = Files.writeString(home.resolve("config.toml"), "[paths]\ndata_dir = \"~/wb\"\n");
    ConfigLoader loader = new ConfigLoader(Map.of(), accountHome, "Linux");

    WorkspaceConfig config =
        loader.load(Optional.of(file), Map.of("paths.state_dir", "${HOME}/wb")).config();

    assertThat(config.paths().dataDir()).isEqualTo(accountHome.resolve("wb"));
    assertThat(config.paths().stateDir()).isEqualTo(accountHome.resolve("wb"));
  }

  @Test
  void aTildeInAStringIsKeptAsWritten() throws Exception {
    WorkspaceConfig config = load("[container]\ndefault_image = \"~img\"\n", Map.of(), Map.of());

    assertThat(config.container().defaultImage()).isEqualTo("~img");
  }

  @Test
  void dollarAndBracedVariablesExpandInStringsAndPathsFromEveryLayer() throws Exception {
    Map<String, String> env =
        Map.of(
            "REGISTRY", "registry.example.com",
            "TAG", "7",
            "SRV", "/srv",
            "WORKSPACE_BACKEND__PATHS__STATE_DIR", "$SRV/state",
            "WORKSPACE_BACKEND__CONTAINER__SOCKET", "unix://${SRV}/podman.sock");

    WorkspaceConfig config =
        load(
            """
            [container]
            default_image = "${REGISTRY}/dev:$TAG"
            [paths]
            data_dir = "${SRV}/data"
            """,
            env,
            Map.of("paths.workspace_root", "$SRV/ws"));

    assertThat(config.container().defaultImage()).isEqualTo("registry.example.com/dev:7");
    assertThat(config.container().socket()).contains("unix:///srv/podman.sock");
    assertThat(config.paths().dataDir()).isEqualTo(Path.of("/srv/data"));
    assertThat(config.paths().stateDir()).isEqualTo(Path.of("/srv/state"));
    assertThat(config.paths().workspaceRoot()).isEqualTo(Path.of("/srv/ws"));
  }

  @Test
  void aDoubleDollarIsALiteralDollarAndALoneDollarIsKept() throws Exception {
    WorkspaceConfig config =
        load(
            "[server]\nhost = \"a$$b\"\n[container]\ndefault_image = \"c$\"\n", Map.of(), Map.of());

    assertThat(config.server().host()).isEqualTo("a$b");
    assertThat(config.container().defaultImage()).isEqualTo("c$");
  }

  @Test
  void anUnsetVariableIsAnErrorNamingIt() throws IOException {
    assertThatThrownBy(() -> load("[server]\nhost = \"${NOPE}\"\n", Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            home.resolve("config.toml")
                + ": server.host = \"${NOPE}\": environment variable NOPE is not set");
  }

  @Test
  void anUnsetVariableInAnOverrideIsAnErrorToo() {
    assertThatThrownBy(() -> load("", Map.of(), Map.of("paths.data_dir", "$MISSING/x")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "command line: paths.data_dir = \"$MISSING/x\": environment variable MISSING is not"
                + " set");
  }
}
