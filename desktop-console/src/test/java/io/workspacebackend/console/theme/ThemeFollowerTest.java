package io.workspacebackend.console.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Which appearance the console shows, and when it switches, with a desktop the test controls. */
class ThemeFollowerTest {
  private boolean desktopDark;
  private int desktopAsked;
  private final BooleanSupplier desktop = this::desktopPrefersDark;

  private boolean desktopPrefersDark() {
    desktopAsked++;
    return desktopDark;
  }

  @Test
  void followingTheSystemShowsWhatTheDesktopPrefers() {
    desktopDark = true;
    ThemeFollower follower = new ThemeFollower(ThemeChoice.SYSTEM, desktop);

    assertThat(follower.next()).contains(Appearance.DARK);
  }

  @Test
  void followingTheSystemSwitchesOnlyWhenTheDesktopChanges() {
    ThemeFollower follower = new ThemeFollower(ThemeChoice.SYSTEM, desktop);
    assertThat(follower.next()).contains(Appearance.LIGHT);

    assertThat(follower.next()).as("the desktop is still light").isEmpty();
    desktopDark = true;
    assertThat(follower.next()).contains(Appearance.DARK);
    assertThat(follower.next()).isEmpty();
    desktopDark = false;
    assertThat(follower.next()).contains(Appearance.LIGHT);
  }

  @Test
  void aFixedChoiceIgnoresTheDesktopAndNeverAsksIt() {
    desktopDark = true;
    ThemeFollower follower = new ThemeFollower(ThemeChoice.LIGHT, desktop);

    assertThat(follower.next()).contains(Appearance.LIGHT);
    desktopDark = false;
    assertThat(follower.next()).isEmpty();
    assertThat(desktopAsked).isZero();
  }

  @Test
  void choosingAnotherThemeSwitchesAtTheNextCheck() {
    ThemeFollower follower = new ThemeFollower(ThemeChoice.SYSTEM, desktop);
    follower.next();

    follower.choose(ThemeChoice.DARK);
    assertThat(follower.next()).contains(Appearance.DARK);

    follower.choose(ThemeChoice.SYSTEM);
    assertThat(follower.next()).as("back to the light desktop").contains(Appearance.LIGHT);
  }

  @Test
  void choosingWhatIsAlreadyShownChangesNothing() {
    desktopDark = true;
    ThemeFollower follower = new ThemeFollower(ThemeChoice.SYSTEM, desktop);
    follower.next();

    follower.choose(ThemeChoice.DARK);

    assertThat(follower.next()).isEqualTo(Optional.empty());
  }
}
