package io.workspacebackend.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.config.WorkspaceConfig.Container;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class ConfigLoaderTest {
  @TempDir Path home;

  private LoadedConfig load(Map<String, String> env, Path file, Map<String, String> overrides)
      throws ConfigException {
    return new ConfigLoader(env, home, "Linux").load(Optional.ofNullable(file), overrides);
  }

  private Path write(String name, String toml) throws IOException {
    Path file = home.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, toml);
  }

  @Test
  void builtInDefaultsApplyWhenNoLayerSetsAnything() throws Exception {
    LoadedConfig loaded = load(Map.of(), null, Map.of());

    WorkspaceConfig config = loaded.config();
    assertThat(loaded.configFileExists()).isFalse();
    assertThat(config.server().host()).isEqualTo("127.0.0.1");
    assertThat(config.server().port()).isEqualTo(8080);
    assertThat(config.server().allowedOrigins()).isEmpty();
    assertThat(config.server().maxBodySize()).isEqualTo(DataSize.ofMegabytes(1));
    assertThat(config.auth().tokenTtl()).isEqualTo(Duration.ofHours(24));
    assertThat(config.container())
        .isEqualTo(
            new Container(
                RuntimeKind.AUTO,
                Optional.empty(),
                Optional.empty(),
                "opencode-dev:latest",
                41820,
                DataSize.ofGigabytes(2),
                2.0,
                512));
    assertThat(config.sessions().maxPerUser()).isEqualTo(5);
    assertThat(config.sessions().startupTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.sessions().stopTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.logging().level()).isEqualTo(LogLevel.INFO);
    assertThat(config.logging().file()).isEmpty();
  }

  @Test
  void theConfigFileOverridesBuiltInDefaults() throws Exception {
    Path file = write("c.toml", "[server]\nport = 9000\n[container]\nruntime = \"podman\"\n");

    WorkspaceConfig config = load(Map.of(), file, Map.of()).config();

    assertThat(config.server().port()).isEqualTo(9000);
    assertThat(config.container().runtime()).isEqualTo(RuntimeKind.PODMAN);
    assertThat(config.server().host()).isEqualTo("127.0.0.1");
  }

  @Test
  void environmentVariablesOverrideTheConfigFile() throws Exception {
    Path file = write("c.toml", "[server]\nport = 9000\nhost = \"0.0.0.0\"\n");
    Map<String, String> env =
        Map.of(
            "WORKSPACE_BACKEND__SERVER__PORT", "9001",
            "WORKSPACE_BACKEND__CONTAINER__RUNTIME", "docker");

    WorkspaceConfig config = load(env, file, Map.of()).config();

    assertThat(config.server().port()).isEqualTo(9001);
    assertThat(config.container().runtime()).isEqualTo(RuntimeKind.DOCKER);
    assertThat(config.server().host()).isEqualTo("0.0.0.0");
  }

  @Test
  void commandLineOverridesBeatEnvironmentVariablesAndTheFile() throws Exception {
    Path file = write("c.toml", "[server]\nport = 9000\n[container]\ndefault_image = \"a:1\"\n");
    Map<String, String> env =
        Map.of(
            "WORKSPACE_BACKEND__SERVER__PORT", "9001",
            "WORKSPACE_BACKEND__SESSIONS__MAX_PER_USER", "7");

    WorkspaceConfig config =
        load(env, file, Map.of("server.port", "9090", "container.default_image", "img:1")).config();

    assertThat(config.server().port()).isEqualTo(9090);
    assertThat(config.container().defaultImage()).isEqualTo("img:1");
    assertThat(config.sessions().maxPerUser()).isEqualTo(7);
    assertThat(config.auth().tokenTtl()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void theDefaultConfigFileIsReadWhenItExists() throws Exception {
    Path file = write(".config/workspace-backend/config.toml", "[logging]\nlevel = \"debug\"\n");

    LoadedConfig loaded = load(Map.of(), null, Map.of());

    assertThat(loaded.configFile()).isEqualTo(file);
    assertThat(loaded.configFileExists()).isTrue();
    assertThat(loaded.config().logging().level()).isEqualTo(LogLevel.DEBUG);
  }

  @Test
  void xdgVariablesMoveTheConfigFileAndTheDataAndStateDirectories() throws Exception {
    Map<String, String> env =
        Map.of(
            "XDG_CONFIG_HOME", "/xdg/config",
            "XDG_DATA_HOME", "/xdg/data",
            "XDG_STATE_HOME", "/xdg/state");

    LoadedConfig loaded = load(env, null, Map.of());

    assertThat(loaded.configFile()).isEqualTo(Path.of("/xdg/config/workspace-backend/config.toml"));
    assertThat(loaded.config().paths().dataDir()).isEqualTo(Path.of("/xdg/data/workspace-backend"));
    assertThat(loaded.config().paths().stateDir())
        .isEqualTo(Path.of("/xdg/state/workspace-backend"));
  }

  @Test
  void withoutXdgVariablesTheDirectoriesFallBackUnderHome() throws Exception {
    LoadedConfig loaded = load(Map.of(), null, Map.of());

    assertThat(loaded.configFile())
        .isEqualTo(home.resolve(".config/workspace-backend/config.toml"));
    assertThat(loaded.config().paths().dataDir())
        .isEqualTo(home.resolve(".local/share/workspace-backend"));
    assertThat(loaded.config().paths().stateDir())
        .isEqualTo(home.resolve(".local/state/workspace-backend"));
  }

  @Test
  void emptyOrRelativeXdgVariablesAreIgnoredAsTheSpecAsks() throws Exception {
    Map<String, String> env = Map.of("XDG_CONFIG_HOME", "", "XDG_DATA_HOME", "relative/data");

    LoadedConfig loaded = load(env, null, Map.of());

    assertThat(loaded.configFile())
        .isEqualTo(home.resolve(".config/workspace-backend/config.toml"));
    assertThat(loaded.config().paths().dataDir())
        .isEqualTo(home.resolve(".local/share/workspace-backend"));
  }

  @Test
  void onWindowsTheAppDataFoldersAreUsed() throws Exception {
    Map<String, String> env = Map.of("APPDATA", "/win/roaming", "LOCALAPPDATA", "/win/local");
    ConfigLoader loader = new ConfigLoader(env, home, "Windows 11");

    WorkspaceConfig config = loader.load(Optional.empty(), Map.of()).config();

    assertThat(loader.defaultConfigFile())
        .isEqualTo(Path.of("/win/roaming/workspace-backend/config.toml"));
    assertThat(config.paths().dataDir()).isEqualTo(Path.of("/win/local/workspace-backend"));
  }

  @Test
  void secretFileAndWorkspaceRootFollowDataDirUnlessSet() throws Exception {
    Map<String, String> env = Map.of("WORKSPACE_BACKEND__PATHS__DATA_DIR", "/srv/wb");

    WorkspaceConfig config = load(env, null, Map.of()).config();

    assertThat(config.auth().secretFile()).isEqualTo(Path.of("/srv/wb/jwt-secret"));
    assertThat(config.paths().workspaceRoot()).isEqualTo(Path.of("/srv/wb/workspaces"));
  }

  @Test
  void explicitlySetSecretFileAndWorkspaceRootDoNotFollowDataDir() throws Exception {
    Path file =
        write("c.toml", "[auth]\nsecret_file = \"/etc/wb/key\"\n[paths]\ndata_dir = \"/srv/wb\"\n");

    WorkspaceConfig config =
        load(Map.of(), file, Map.of("paths.workspace_root", "/srv/ws")).config();

    assertThat(config.auth().secretFile()).isEqualTo(Path.of("/etc/wb/key"));
    assertThat(config.paths().workspaceRoot()).isEqualTo(Path.of("/srv/ws"));
    assertThat(config.paths().dataDir()).isEqualTo(Path.of("/srv/wb"));
  }

  @Test
  void relativePathsInTheFileAreRelativeToTheFilesDirectory() throws Exception {
    Path file = write("etc/c.toml", "[paths]\ndata_dir = \"data\"\n");

    WorkspaceConfig config = load(Map.of(), file, Map.of()).config();

    assertThat(config.paths().dataDir()).isEqualTo(home.resolve("etc/data"));
  }

  @Test
  void sessionsGetLocalhostOriginsOnlyWhenTheServerListensOnLoopback() throws Exception {
    assertThat(load(Map.of(), null, Map.of()).config().server().sessionDomain())
        .contains("localhost");
    assertThat(load(Map.of(), null, Map.of("server.host", "::1")).config().server().sessionDomain())
        .contains("localhost");
    assertThat(
            load(Map.of(), null, Map.of("server.host", "0.0.0.0"))
                .config()
                .server()
                .sessionDomain())
        .isEmpty();
    assertThat(
            load(
                    Map.of(),
                    null,
                    Map.of("server.host", "0.0.0.0", "server.session_domain", "WS.Example.com"))
                .config()
                .server()
                .sessionDomain())
        .contains("ws.example.com");
  }

  @Test
  void listsComeFromTomlArraysOrCommaSeparatedEnvironmentValues() throws Exception {
    Path file = write("c.toml", "[server]\nallowed_origins = [\"https://a.example.com\"]\n");

    List<String> fromFile = load(Map.of(), file, Map.of()).config().server().allowedOrigins();
    List<String> fromEnv =
        load(
                Map.of(
                    "WORKSPACE_BACKEND__SERVER__ALLOWED_ORIGINS",
                    "https://b.example.com, http://localhost:5173"),
                file,
                Map.of())
            .config()
            .server()
            .allowedOrigins();

    assertThat(fromFile).containsExactly("https://a.example.com");
    assertThat(fromEnv).containsExactly("https://b.example.com", "http://localhost:5173");
  }

  @Test
  void optionalValuesAreUnsetWhenEmptyAndSetOtherwise() throws Exception {
    Path file =
        write(
            "c.toml",
            "[container]\nbinary = \"podman\"\nsocket = \"\"\n[logging]\nfile = \"/var/log/wb.log\"\n");

    // binary must name a program on the PATH.
    String path = System.getenv("PATH");
    WorkspaceConfig config = load(Map.of("PATH", path), file, Map.of()).config();
    WorkspaceConfig cleared =
        load(Map.of("PATH", path, "WORKSPACE_BACKEND__CONTAINER__BINARY", ""), file, Map.of())
            .config();

    assertThat(config.container().binary()).contains("podman");
    assertThat(config.container().socket()).isEmpty();
    assertThat(config.logging().file()).contains(Path.of("/var/log/wb.log"));
    assertThat(cleared.container().binary()).isEmpty();
  }

  @Test
  void durationsSizesAndDecimalsAreReadInTheirTypes() throws Exception {
    Path file =
        write(
            "c.toml",
            """
            [container]
            memory_limit = "512MB"
            cpus = 1.5
            [sessions]
            startup_timeout = "PT2M"
            stop_timeout = "500ms"
            """);

    WorkspaceConfig config =
        load(Map.of("WORKSPACE_BACKEND__AUTH__TOKEN_TTL", "7d"), file, Map.of()).config();

    assertThat(config.container().memoryLimit()).isEqualTo(DataSize.ofMegabytes(512));
    assertThat(config.container().cpus()).isEqualTo(1.5);
    assertThat(config.sessions().startupTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.sessions().stopTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.auth().tokenTtl()).isEqualTo(Duration.ofDays(7));
  }
}
