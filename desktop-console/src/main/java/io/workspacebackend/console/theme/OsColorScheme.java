package io.workspacebackend.console.theme;

import io.workspacebackend.console.platform.DesktopOs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Whether the desktop prefers dark colours. JavaFX 21 cannot tell, so this asks the desktop the way
 * its own settings app does: macOS's global {@code AppleInterfaceStyle}, GNOME's {@code
 * color-scheme}. Anything else, or no answer within a second, means light.
 */
final class OsColorScheme {
  private OsColorScheme() {}

  static boolean prefersDark() {
    return switch (DesktopOs.current()) {
      case MAC -> ask(List.of("defaults", "read", "-g", "AppleInterfaceStyle")).contains("dark");
      case LINUX ->
          ask(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"))
              .contains("dark");
      case WINDOWS -> false;
    };
  }

  private static String ask(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (InputStream output = process.getInputStream()) {
        if (!process.waitFor(1, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          return "";
        }
        return new String(output.readAllBytes(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
      }
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
