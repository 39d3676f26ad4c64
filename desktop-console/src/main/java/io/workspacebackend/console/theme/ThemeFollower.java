package io.workspacebackend.console.theme;

import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Decides which appearance the console shows: the one the user chose, or, while the choice is
 * Follow system, the one the desktop prefers right now; and says so only when that changes. {@link
 * #next()} runs on one thread at a time (it may ask the desktop, which takes up to a second);
 * {@link #choose} may come from any thread.
 */
final class ThemeFollower {
  private final BooleanSupplier desktopPrefersDark;
  private volatile ThemeChoice choice;
  private Appearance shown;

  ThemeFollower(ThemeChoice choice, BooleanSupplier desktopPrefersDark) {
    this.choice = choice;
    this.desktopPrefersDark = desktopPrefersDark;
  }

  void choose(ThemeChoice newChoice) {
    this.choice = newChoice;
  }

  ThemeChoice choice() {
    return choice;
  }

  /**
   * The appearance to switch to, if it differs from the one shown last (the first call always
   * answers). Asks the desktop only while following it.
   */
  Optional<Appearance> next() {
    Appearance wanted =
        switch (choice) {
          case LIGHT -> Appearance.LIGHT;
          case DARK -> Appearance.DARK;
          case SYSTEM -> desktopPrefersDark.getAsBoolean() ? Appearance.DARK : Appearance.LIGHT;
        };
    if (wanted == shown) {
      return Optional.empty();
    }
    shown = wanted;
    return Optional.of(wanted);
  }
}
