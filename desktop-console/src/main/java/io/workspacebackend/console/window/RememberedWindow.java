package io.workspacebackend.console.window;

import io.workspacebackend.console.platform.SettingsDirectory;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's size, position and maximised state when the console last closed, kept in a small
 * properties file of its own in the desktop's settings directory (beside the remembered server).
 */
public final class RememberedWindow {
  private static final Logger LOG = LoggerFactory.getLogger(RememberedWindow.class);

  private final Path file;

  public RememberedWindow(Path file) {
    this.file = file;
  }

  public static RememberedWindow forCurrentUser() {
    return new RememberedWindow(SettingsDirectory.forCurrentUser().resolve("window.properties"));
  }

  /** The geometry stored last, if a whole one was stored. Reads the disk. */
  public Optional<WindowGeometry> last() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Properties settings = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      settings.load(reader);
      return Optional.of(
          new WindowGeometry(
              number(settings, "x"),
              number(settings, "y"),
              number(settings, "width"),
              number(settings, "height"),
              Boolean.parseBoolean(settings.getProperty("maximized"))));
    } catch (IOException | IllegalArgumentException | NullPointerException e) {
      LOG.warn("could not read {}: {}", file, e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Stores {@code geometry}. Writes the disk; a failure is logged, as forgetting costs the user
   * only a resize next time.
   */
  public void remember(WindowGeometry geometry) {
    Properties settings = new Properties();
    settings.setProperty("x", Double.toString(geometry.x()));
    settings.setProperty("y", Double.toString(geometry.y()));
    settings.setProperty("width", Double.toString(geometry.width()));
    settings.setProperty("height", Double.toString(geometry.height()));
    settings.setProperty("maximized", Boolean.toString(geometry.maximized()));
    try {
      Files.createDirectories(file.getParent());
      // Written beside the file and moved over it: a crash mid-write never leaves half a file.
      Path partial = Files.createTempFile(file.getParent(), ".window", ".properties");
      try {
        try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
          settings.store(writer, "Workspace Backend Console window");
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      LOG.warn("could not remember the window in {}: {}", file, e.getMessage());
    }
  }

  private static double number(Properties settings, String key) {
    double value = Double.parseDouble(settings.getProperty(key));
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(key + " is not a finite number");
    }
    return value;
  }
}
