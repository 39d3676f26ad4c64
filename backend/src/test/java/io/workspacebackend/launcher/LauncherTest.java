package io.workspacebackend.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.workspacebackend.testing.TestHome;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.logging.LoggingSystem;

/**
 * What the launcher reports when a local server cannot start or its image cannot be built: one
 * sentence and the kind of problem, which the console's start screen turns into its fix. None of
 * these needs a container engine.
 */
class LauncherTest {
  private static final String NO_ENGINE = "unix:///tmp/no-engine-here.sock";

  /** What a start sets for its whole JVM, which other tests share. */
  private static final List<String> JVM_PROPERTIES =
      List.of(LoggingSystem.SYSTEM_PROPERTY, "spring.lifecycle.timeout-per-shutdown-phase");

  private final Map<String, String> propertiesBefore = new HashMap<>();

  @TempDir Path directory;

  @BeforeEach
  void rememberTheJvmProperties() {
    JVM_PROPERTIES.forEach(key -> propertiesBefore.put(key, System.getProperty(key)));
  }

  @AfterEach
  void restoreTheJvmProperties() {
    propertiesBefore.forEach(
        (key, value) -> {
          if (value == null) {
            System.clearProperty(key);
          } else {
            System.setProperty(key, value);
          }
        });
  }

  @Test
  void aBadSettingIsAConfigurationProblemNamingTheKey() {
    LaunchException failure = startFailure(Map.of("server.port", "eighty"));

    assertThat(failure.problem()).isEqualTo(LaunchException.Problem.CONFIGURATION);
    assertThat(failure).hasMessageContaining("server.port");
  }

  @Test
  void aTakenPortIsReportedBeforeAnyEngineIsAsked() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      LaunchException failure =
          startFailure(
              Map.of(
                  "server.port",
                  String.valueOf(taken.getLocalPort()),
                  "container.socket",
                  NO_ENGINE));

      assertThat(failure.problem()).isEqualTo(LaunchException.Problem.PORT_IN_USE);
      assertThat(failure).hasMessageStartingWith("port " + taken.getLocalPort() + " on 127.0.0.1");
    }
  }

  @Test
  void noEngineToStartWithNamesTheSocketTried() {
    LaunchException failure = startFailure(Map.of("container.socket", NO_ENGINE));

    assertThat(failure.problem()).isEqualTo(LaunchException.Problem.NO_RUNTIME);
    assertThat(failure).hasMessageContaining(NO_ENGINE);
  }

  @Test
  void noEngineToBuildWithIsTheSameProblemAndNothingWasBuilt() {
    List<String> progress = new CopyOnWriteArrayList<>();

    LaunchException failure =
        catchThrowableOfType(
            LaunchException.class,
            () -> launcher(Map.of("container.socket", NO_ENGINE)).buildSessionImage(progress::add));

    assertThat(failure.problem()).isEqualTo(LaunchException.Problem.NO_RUNTIME);
    assertThat(failure).hasMessageContaining(NO_ENGINE);
    assertThat(progress).isEmpty();
  }

  @Test
  void theConfigFileIsTheOneServeReads() {
    TestHome home = TestHome.in(directory);

    assertThat(launcher(Map.of()).configFile()).isEqualTo(home.configFile());
  }

  private LaunchException startFailure(Map<String, String> settings) {
    return catchThrowableOfType(LaunchException.class, () -> launcher(settings).start().close());
  }

  private Launcher launcher(Map<String, String> settings) {
    TestHome home = TestHome.in(directory);
    Map<String, String> all = new HashMap<>(Map.of("server.port", "0"));
    all.put("container.runtime", "docker");
    all.putAll(settings);
    return Launcher.forEnvironment(home.environment(), home.home(), "Linux", all);
  }
}
