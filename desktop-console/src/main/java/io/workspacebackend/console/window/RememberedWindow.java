package io.workspacebackend.console.window;

import io.workspacebackend.console.platform.SettingsDirectory;
import io.workspacebackend.console.platform.SettingsFile;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The window's size, position and maximised state when the console last closed, kept in a small
 * properties file of its own in the desktop's settings directory (beside the remembered server).
 */
public final class RememberedWindow {
  private final SettingsFile file;

  public RememberedWindow(Path file) {
    this.file = new SettingsFile(file);
  }

  public static RememberedWindow forCurrentUser() {
    return new RememberedWindow(SettingsDirectory.forCurrentUser().resolve("window.properties"));
  }

  /** The geometry stored last, if a whole one was stored. Reads the disk. */
  public Optional<WindowGeometry> last() {
    return file.read()
        .flatMap(
            settings -> {
              try {
                return Optional.of(
                    new WindowGeometry(
                        number(settings, "x"),
                        number(settings, "y"),
                        number(settings, "width"),
                        number(settings, "height"),
                        Boolean.parseBoolean(settings.getProperty("maximized"))));
              } catch (IllegalArgumentException | NullPointerException e) {
                file.unusable(e);
                return Optional.empty();
              }
            });
  }

  /** Stores {@code geometry}; forgetting it costs the user only a resize next time. */
  public void remember(WindowGeometry geometry) {
    Properties settings = new Properties();
    settings.setProperty("x", Double.toString(geometry.x()));
    settings.setProperty("y", Double.toString(geometry.y()));
    settings.setProperty("width", Double.toString(geometry.width()));
    settings.setProperty("height", Double.toString(geometry.height()));
    settings.setProperty("maximized", Boolean.toString(geometry.maximized()));
    file.write(settings);
  }

  private static double number(Properties settings, String key) {
    double value = Double.parseDouble(settings.getProperty(key));
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(key + " is not a finite number");
    }
    return value;
  }
}
