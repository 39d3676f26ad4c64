package io.workspacebackend.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.config.WorkspaceConfig.Auth;
import io.workspacebackend.config.WorkspaceConfig.Container;
import io.workspacebackend.config.WorkspaceConfig.Logging;
import io.workspacebackend.config.WorkspaceConfig.Paths;
import io.workspacebackend.config.WorkspaceConfig.Server;
import io.workspacebackend.config.WorkspaceConfig.Sessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class ConfigRendererTest {
  // Surefire runs in the module directory; the example lives at the repository root.
  private static final Path EXAMPLE = Path.of("..", "examples", "config.toml");

  @TempDir Path home;

  private ConfigLoader loader(Map<String, String> env) {
    return new ConfigLoader(env, home, "Linux");
  }

  @Test
  void theCommittedExampleIsTheGeneratedDefaultFile() throws Exception {
    assertThat(Files.readString(EXAMPLE))
        .as(
            "examples/config.toml is out of date: replace it with ConfigRenderer.defaultConfigToml()")
        .isEqualTo(ConfigRenderer.defaultConfigToml());
  }

  @Test
  void loadingTheExampleGivesTheBuiltInDefaults() throws Exception {
    Map<String, String> env = Map.of("XDG_DATA_HOME", home.resolve("data").toString());

    WorkspaceConfig fromExample = loader(env).load(Optional.of(EXAMPLE), Map.of()).config();
    WorkspaceConfig builtIn = loader(env).load(Optional.empty(), Map.of()).config();

    assertThat(fromExample).isEqualTo(builtIn);
  }

  @Test
  void theDefaultFileDescribesEveryKey() {
    String toml = ConfigRenderer.defaultConfigToml();

    for (Setting<?> setting : Settings.ALL) {
      assertThat(toml).contains("# " + setting.description() + "\n");
      assertThat(toml).containsPattern("(?m)^(# )?" + setting.key() + " = ");
    }
  }

  @Test
  void theEffectiveConfigRendersAsTomlThatLoadsBackToTheSameConfig() throws Exception {
    WorkspaceConfig config =
        new WorkspaceConfig(
            new Server(
                "host \"with\" \\ quotes",
                9090,
                List.of("https://a.example.com", "http://localhost:5173"),
                Optional.of("ws.example.com"),
                DataSize.ofKilobytes(1536)),
            new Auth(
                Duration.ofMinutes(90),
                home.resolve("secret key"),
                7,
                Duration.ofMinutes(5),
                Duration.ofMillis(100)),
            new Container(
                RuntimeKind.PODMAN,
                Optional.of("/usr/bin/podman"),
                Optional.of("unix:///run/podman/podman.sock"),
                "img:1",
                50000,
                DataSize.ofBytes(1000),
                0.5,
                64),
            new Sessions(
                3,
                Optional.of(DataSize.ofMegabytes(1536)),
                Optional.of(2.5),
                Duration.ofMillis(1500),
                Duration.ZERO,
                Duration.ofSeconds(7),
                Duration.ofMinutes(2),
                Duration.ofMinutes(30),
                4),
            new Paths(home.resolve("d"), home.resolve("s"), home.resolve("w")),
            new Logging(LogLevel.TRACE, Optional.of(home.resolve("log/wb.log"))));
    Path file = Files.writeString(home.resolve("effective.toml"), ConfigRenderer.toToml(config));

    WorkspaceConfig reloaded = loader(Map.of()).load(Optional.of(file), Map.of()).config();

    assertThat(reloaded).isEqualTo(config);
  }

  @Test
  void theDefaultsRenderWithEveryKeyAndLoadBack() throws Exception {
    WorkspaceConfig defaults = loader(Map.of()).load(Optional.empty(), Map.of()).config();
    String toml = ConfigRenderer.toToml(defaults);
    Path file = Files.writeString(home.resolve("effective.toml"), toml);

    assertThat(toml).contains("port = 8080\n", "token_ttl = \"24h\"\n", "file = \"\"\n");
    assertThat(loader(Map.of()).load(Optional.of(file), Map.of()).config()).isEqualTo(defaults);
  }

  @Test
  void secretSettingsAreRenderedRedacted() throws Exception {
    WorkspaceConfig config = loader(Map.of()).load(Optional.empty(), Map.of()).config();

    String toml =
        ConfigRenderer.toToml(
            config, List.of(Settings.SERVER_HOST.asSecret(), Settings.SERVER_PORT));

    assertThat(toml).isEqualTo("[server]\nhost = \"<redacted>\"\nport = 8080\n");
  }
}
