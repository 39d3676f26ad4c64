package io.workspacebackend.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsDirectoryTest {
  @Test
  void macOsKeepsSettingsInApplicationSupport() {
    Path directory = SettingsDirectory.of(DesktopOs.MAC, Map.of(), Path.of("/Users/dev"));

    assertThat(directory)
        .isEqualTo(Path.of("/Users/dev/Library/Application Support/Workspace Backend Console"));
  }

  @Test
  void linuxFollowsXdgConfigHome() {
    Path directory =
        SettingsDirectory.of(
            DesktopOs.LINUX, Map.of("XDG_CONFIG_HOME", "/home/dev/conf"), Path.of("/home/dev"));

    assertThat(directory).isEqualTo(Path.of("/home/dev/conf/workspace-backend-console"));
  }

  @Test
  void linuxFallsBackToDotConfigWithoutXdgConfigHome() {
    Path directory = SettingsDirectory.of(DesktopOs.LINUX, Map.of(), Path.of("/home/dev"));

    assertThat(directory).isEqualTo(Path.of("/home/dev/.config/workspace-backend-console"));
  }

  @Test
  void linuxIgnoresARelativeXdgConfigHomeAsTheSpecSays() {
    Path directory =
        SettingsDirectory.of(
            DesktopOs.LINUX, Map.of("XDG_CONFIG_HOME", "conf"), Path.of("/home/dev"));

    assertThat(directory).isEqualTo(Path.of("/home/dev/.config/workspace-backend-console"));
  }

  /** Compared part by part: this test runs on Linux, where a Windows path is a single name. */
  @Test
  void windowsKeepsSettingsInRoamingAppData() {
    String appData = "C:\\Users\\dev\\AppData\\Roaming";

    Path directory =
        SettingsDirectory.of(
            DesktopOs.WINDOWS, Map.of("APPDATA", appData), Path.of("C:\\Users\\dev"));

    assertThat(directory.getParent()).isEqualTo(Path.of(appData));
    assertThat(directory.getFileName()).isEqualTo(Path.of("Workspace Backend Console"));
  }

  @Test
  void windowsWithoutAppDataUsesTheRoamingFolderInTheProfile() {
    Path directory = SettingsDirectory.of(DesktopOs.WINDOWS, Map.of(), Path.of("/profile"));

    assertThat(directory).isEqualTo(Path.of("/profile/AppData/Roaming/Workspace Backend Console"));
  }
}
