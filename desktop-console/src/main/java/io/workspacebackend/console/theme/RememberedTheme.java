package io.workspacebackend.console.theme;

import io.workspacebackend.console.platform.SettingsDirectory;
import io.workspacebackend.console.platform.SettingsFile;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The theme chosen in Preferences, kept in a small properties file of its own in the desktop's
 * settings directory (beside the remembered server and window).
 */
public final class RememberedTheme {
  private static final String KEY = "theme";

  private final SettingsFile file;

  public RememberedTheme(Path file) {
    this.file = new SettingsFile(file);
  }

  public static RememberedTheme forCurrentUser() {
    return new RememberedTheme(SettingsDirectory.forCurrentUser().resolve("theme.properties"));
  }

  /** The stored choice; Follow system when none (or an unknown one) is stored. Reads the disk. */
  public ThemeChoice choice() {
    return file.read()
        .flatMap(settings -> Optional.ofNullable(settings.getProperty(KEY)))
        .flatMap(ThemeChoice::ofStoredName)
        .orElse(ThemeChoice.SYSTEM);
  }

  /** Stores {@code choice}; forgetting it costs the user only one more visit to Preferences. */
  public void remember(ThemeChoice choice) {
    Properties settings = new Properties();
    settings.setProperty(KEY, choice.storedName());
    file.write(settings);
  }
}
