package io.workspacebackend.fileserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileServerSettingsTest {

  @Test
  void defaultsMatchTheContainerContract() {
    var settings = FileServerSettings.fromEnvironment(Map.of("SESSION_SECRET", "s"));

    assertThat(settings)
        .isEqualTo(
            new FileServerSettings(
                "0.0.0.0", 41821, Path.of("/home/dev/workspace"), "s", Optional.empty()));
  }

  @Test
  void portWorkspaceAndHostComeFromTheEnvironment() {
    var settings =
        FileServerSettings.fromEnvironment(
            Map.of(
                "SESSION_SECRET", "s",
                "FILESERVER_PORT", "9000",
                "FILESERVER_WORKSPACE", "/w",
                "FILESERVER_HOST", "127.0.0.1"));

    assertThat(settings)
        .isEqualTo(new FileServerSettings("127.0.0.1", 9000, Path.of("/w"), "s", Optional.empty()));
  }

  @Test
  void aMissingSecretOrABadPortIsRefusedAndTheSecretIsNeverPrinted() {
    assertThatThrownBy(() -> FileServerSettings.fromEnvironment(Map.of()))
        .hasMessageContaining("SESSION_SECRET");
    assertThatThrownBy(
            () ->
                FileServerSettings.fromEnvironment(
                    Map.of("SESSION_SECRET", "s", "FILESERVER_PORT", "x")))
        .hasMessageContaining("FILESERVER_PORT");
    assertThat(FileServerSettings.fromEnvironment(Map.of("SESSION_SECRET", "hunter2")).toString())
        .doesNotContain("hunter2");
  }
}
