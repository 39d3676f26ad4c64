package io.workspacebackend.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * The per-user directories of this platform: the XDG base directories on Linux and macOS, the
 * AppData folders on Windows.
 */
final class PlatformDirs {
  private static final String APP = "workspace-backend";

  private final Map<String, String> environment;
  private final Path home;
  private final boolean windows;

  PlatformDirs(Map<String, String> environment, Path home, String osName) {
    this.environment = Map.copyOf(environment);
    this.home = home;
    this.windows = osName.startsWith("Windows");
  }

  Path configFile() {
    Path dir = windows ? windowsDir("APPDATA", "Roaming") : xdgDir("XDG_CONFIG_HOME", ".config");
    return dir.resolve("config.toml");
  }

  Path dataDir() {
    return windows ? windowsDir("LOCALAPPDATA", "Local") : xdgDir("XDG_DATA_HOME", ".local/share");
  }

  Path stateDir() {
    // Windows has no separate state folder; a subdirectory keeps state apart from data.
    return windows
        ? windowsDir("LOCALAPPDATA", "Local").resolve("state")
        : xdgDir("XDG_STATE_HOME", ".local/state");
  }

  private Path xdgDir(String variable, String fallbackUnderHome) {
    String value = environment.getOrDefault(variable, "");
    // The XDG spec says to ignore an empty or relative value.
    boolean usable = !value.isBlank() && Path.of(value).isAbsolute();
    return (usable ? Path.of(value) : home.resolve(fallbackUnderHome)).resolve(APP);
  }

  private Path windowsDir(String variable, String fallbackUnderAppData) {
    String value = environment.getOrDefault(variable, "");
    Path base =
        value.isBlank() ? home.resolve("AppData").resolve(fallbackUnderAppData) : Path.of(value);
    return base.resolve(APP);
  }
}
