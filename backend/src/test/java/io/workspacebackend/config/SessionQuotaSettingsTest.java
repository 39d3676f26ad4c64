package io.workspacebackend.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** {@code sessions.max_memory_per_user} and {@code max_cpus_per_user}: the default user quota. */
class SessionQuotaSettingsTest {
  @TempDir Path home;

  private WorkspaceConfig.Sessions load(String toml, Map<String, String> env) throws Exception {
    Path file = Files.writeString(home.resolve("config.toml"), toml);
    return new ConfigLoader(env, home, "Linux")
        .load(Optional.of(file), Map.of())
        .config()
        .sessions();
  }

  @Test
  void byDefaultOnlyTheNumberOfSessionsIsLimited() throws Exception {
    WorkspaceConfig.Sessions sessions = load("", Map.of());

    assertThat(sessions.maxPerUser()).isEqualTo(5);
    assertThat(sessions.maxMemoryPerUser()).isEmpty();
    assertThat(sessions.maxCpusPerUser()).isEmpty();
  }

  @Test
  void theFileSetsTotalsAsASizeAndANumberOfCpus() throws Exception {
    WorkspaceConfig.Sessions sessions =
        load("[sessions]\nmax_memory_per_user = \"8GB\"\nmax_cpus_per_user = 3.5\n", Map.of());

    assertThat(sessions.maxMemoryPerUser()).contains(DataSize.ofGigabytes(8));
    assertThat(sessions.maxCpusPerUser()).contains(3.5);
  }

  @Test
  void anIntegerCpuCountAndABinarySizeAreAcceptedToo() throws Exception {
    WorkspaceConfig.Sessions sessions =
        load("[sessions]\nmax_memory_per_user = \"512MiB\"\nmax_cpus_per_user = 4\n", Map.of());

    assertThat(sessions.maxMemoryPerUser()).contains(DataSize.ofMegabytes(512));
    assertThat(sessions.maxCpusPerUser()).contains(4.0);
  }

  @Test
  void anEmptyEnvironmentValueLiftsALimitTheFileSets() throws Exception {
    WorkspaceConfig.Sessions sessions =
        load(
            "[sessions]\nmax_memory_per_user = \"8GB\"\nmax_cpus_per_user = 4\n",
            Map.of(
                "WORKSPACE_BACKEND__SESSIONS__MAX_MEMORY_PER_USER", "",
                "WORKSPACE_BACKEND__SESSIONS__MAX_CPUS_PER_USER", "6"));

    assertThat(sessions.maxMemoryPerUser()).isEmpty();
    assertThat(sessions.maxCpusPerUser()).contains(6.0);
  }

  @Test
  void zeroNegativeAndGarbageTotalsAreRejectedNamingTheKey() {
    assertThatThrownBy(() -> load("[sessions]\nmax_memory_per_user = \"0\"\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sessions.max_memory_per_user = \"0\": expected a size like");
    assertThatThrownBy(() -> load("[sessions]\nmax_memory_per_user = \"lots\"\n", Map.of()))
        .hasMessageContaining("sessions.max_memory_per_user")
        .hasMessageContaining("or \"\" for none");
    assertThatThrownBy(() -> load("[sessions]\nmax_cpus_per_user = 0\n", Map.of()))
        .hasMessageContaining(
            "sessions.max_cpus_per_user = 0: expected a number greater than 0, or \"\" for none");
    assertThatThrownBy(() -> load("[sessions]\nmax_cpus_per_user = -2\n", Map.of()))
        .hasMessageContaining("sessions.max_cpus_per_user");
    assertThatThrownBy(
            () -> load("", Map.of("WORKSPACE_BACKEND__SESSIONS__MAX_CPUS_PER_USER", "NaN")))
        .hasMessageContaining("WORKSPACE_BACKEND__SESSIONS__MAX_CPUS_PER_USER");
  }

  @Test
  void unsetTotalsRenderAsEmptyStringsAndLoadBack() throws Exception {
    WorkspaceConfig defaults =
        new ConfigLoader(Map.of(), home, "Linux").load(Optional.empty(), Map.of()).config();

    String toml = ConfigRenderer.toToml(defaults);

    assertThat(toml).contains("max_memory_per_user = \"\"\n", "max_cpus_per_user = \"\"\n");
    assertThat(load(toml, Map.of())).isEqualTo(defaults.sessions());
  }

  @Test
  void setTotalsRenderInTheirUnitsAndLoadBack() throws Exception {
    WorkspaceConfig.Sessions set =
        load("[sessions]\nmax_memory_per_user = \"1536MB\"\nmax_cpus_per_user = 2.5\n", Map.of());
    WorkspaceConfig config =
        new ConfigLoader(Map.of(), home, "Linux")
            .load(Optional.of(home.resolve("config.toml")), Map.of())
            .config();

    String toml = ConfigRenderer.toToml(config);

    assertThat(toml).contains("max_memory_per_user = \"1536MB\"\n", "max_cpus_per_user = 2.5\n");
    assertThat(load(toml, Map.of())).isEqualTo(set);
  }
}
