package io.workspacebackend.console.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The theme chosen in Preferences, across runs. */
class RememberedThemeTest {
  @TempDir Path settings;

  @Test
  void followingTheSystemIsTheDefault() {
    assertThat(new RememberedTheme(settings.resolve("theme.properties")).choice())
        .isEqualTo(ThemeChoice.SYSTEM);
  }

  @Test
  void aChoiceIsReadBackByTheNextRun() {
    Path file = settings.resolve("not-yet/theme.properties");
    new RememberedTheme(file).remember(ThemeChoice.DARK);

    assertThat(new RememberedTheme(file).choice()).isEqualTo(ThemeChoice.DARK);
  }

  @Test
  void anUnknownOrDamagedChoiceFollowsTheSystem() throws IOException {
    Path file = settings.resolve("theme.properties");
    Files.writeString(file, "theme=sepia\n");
    assertThat(new RememberedTheme(file).choice()).isEqualTo(ThemeChoice.SYSTEM);

    Files.writeString(file, "theme=\\u12");
    assertThat(new RememberedTheme(file).choice()).isEqualTo(ThemeChoice.SYSTEM);
  }
}
