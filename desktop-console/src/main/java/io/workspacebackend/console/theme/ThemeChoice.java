package io.workspacebackend.console.theme;

import java.util.Locale;
import java.util.Optional;

/** The theme a user picks in Preferences; following the desktop is the default. */
public enum ThemeChoice {
  SYSTEM("Follow system"),
  LIGHT("Light"),
  DARK("Dark");

  private final String label;

  ThemeChoice(String label) {
    this.label = label;
  }

  /** What Preferences calls it. */
  public String label() {
    return label;
  }

  /** The name in the settings file. */
  String storedName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The choice a settings file names; nothing for a name this console does not know. */
  static Optional<ThemeChoice> ofStoredName(String name) {
    for (ThemeChoice choice : values()) {
      if (choice.storedName().equals(name)) {
        return Optional.of(choice);
      }
    }
    return Optional.empty();
  }
}
