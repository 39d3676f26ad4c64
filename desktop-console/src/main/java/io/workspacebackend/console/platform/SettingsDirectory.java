package io.workspacebackend.console.platform;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the console keeps what it remembers, by each desktop's convention: macOS's Application
 * Support folder, the XDG config directory on Linux, the roaming AppData folder on Windows.
 */
public final class SettingsDirectory {
  static final String DISPLAY_NAME = "Workspace Backend Console";
  static final String XDG_NAME = "workspace-backend-console";

  private SettingsDirectory() {}

  /** The directory for {@code os}, given the user's environment variables and home directory. */
  public static Path of(DesktopOs os, Map<String, String> environment, Path home) {
    return switch (os) {
      case MAC -> home.resolve("Library").resolve("Application Support").resolve(DISPLAY_NAME);
      case WINDOWS ->
          variable(environment, "APPDATA")
              .map(Path::of)
              .orElseGet(() -> home.resolve("AppData").resolve("Roaming"))
              .resolve(DISPLAY_NAME);
      // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
      case LINUX ->
          variable(environment, "XDG_CONFIG_HOME")
              .filter(value -> value.startsWith("/"))
              .map(Path::of)
              .orElseGet(() -> home.resolve(".config"))
              .resolve(XDG_NAME);
    };
  }

  public static Path forCurrentUser() {
    return of(DesktopOs.current(), System.getenv(), Path.of(System.getProperty("user.home")));
  }

  private static Optional<String> variable(Map<String, String> environment, String name) {
    return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
  }
}
