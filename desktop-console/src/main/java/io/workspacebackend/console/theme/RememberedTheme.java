package io.workspacebackend.console.theme;

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
 * The theme chosen in Preferences, kept in a small properties file of its own in the desktop's
 * settings directory (beside the remembered server and window).
 */
public final class RememberedTheme {
  private static final Logger LOG = LoggerFactory.getLogger(RememberedTheme.class);
  private static final String KEY = "theme";

  private final Path file;

  public RememberedTheme(Path file) {
    this.file = file;
  }

  public static RememberedTheme forCurrentUser() {
    return new RememberedTheme(SettingsDirectory.forCurrentUser().resolve("theme.properties"));
  }

  /** The stored choice; Follow system when none (or an unknown one) is stored. Reads the disk. */
  public ThemeChoice choice() {
    if (!Files.exists(file)) {
      return ThemeChoice.SYSTEM;
    }
    Properties settings = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      settings.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("could not read {}: {}", file, e.getMessage());
      return ThemeChoice.SYSTEM;
    }
    return Optional.ofNullable(settings.getProperty(KEY))
        .flatMap(ThemeChoice::ofStoredName)
        .orElse(ThemeChoice.SYSTEM);
  }

  /**
   * Stores {@code choice}. Writes the disk; a failure is logged, as forgetting costs the user only
   * one more visit to Preferences.
   */
  public void remember(ThemeChoice choice) {
    Properties settings = new Properties();
    settings.setProperty(KEY, choice.storedName());
    try {
      Files.createDirectories(file.getParent());
      // Written beside the file and moved over it: a crash mid-write never leaves half a file.
      Path partial = Files.createTempFile(file.getParent(), ".theme", ".properties");
      try {
        try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
          settings.store(writer, "Workspace Backend Console theme");
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      LOG.warn("could not remember the theme in {}: {}", file, e.getMessage());
    }
  }
}
