package io.workspacebackend.console.theme;

import io.workspacebackend.console.ui.Background;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's theme as chosen in Preferences, remembered between runs. While the choice is Follow
 * system it follows the desktop live: JavaFX 21 cannot tell when the desktop switches between light
 * and dark, so a background thread asks again every {@link #RECHECK} and the stylesheet changes on
 * the FX thread when the answer does.
 */
public final class LiveTheme implements AutoCloseable {
  static final Duration RECHECK = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(LiveTheme.class);

  private final RememberedTheme remembered;
  private final ThemeFollower follower;
  private final ScheduledExecutorService watcher =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "theme-watcher");
            thread.setDaemon(true);
            return thread;
          });

  private ScheduledFuture<?> rechecks;

  private LiveTheme(RememberedTheme remembered, ThemeFollower follower) {
    this.remembered = remembered;
    this.follower = follower;
  }

  /**
   * Applies the remembered choice and starts following the desktop; on the FX thread, before the
   * first window shows. That first look reads a small file and may ask the desktop (up to a
   * second): the window must open in its colours rather than flash from light to dark.
   */
  public static LiveTheme start(RememberedTheme remembered) {
    LiveTheme theme =
        new LiveTheme(
            remembered, new ThemeFollower(remembered.choice(), OsColorScheme::prefersDark));
    theme.follower.next().ifPresent(Themes::apply);
    theme.rechecks =
        theme.watcher.scheduleWithFixedDelay(
            theme::recheck, RECHECK.toMillis(), RECHECK.toMillis(), TimeUnit.MILLISECONDS);
    return theme;
  }

  public ThemeChoice choice() {
    return follower.choice();
  }

  /** Switches to {@code choice} at once and remembers it (both off the FX thread). */
  public void choose(ThemeChoice choice) {
    follower.choose(choice);
    watcher.execute(this::recheck);
    Background.execute(() -> remembered.remember(choice));
  }

  @Override
  public void close() {
    rechecks.cancel(false);
    watcher.shutdownNow();
  }

  /** Never throws: a periodic task that throws is never run again, and the theme would freeze. */
  private void recheck() {
    try {
      follower.next().ifPresent(appearance -> Platform.runLater(() -> Themes.apply(appearance)));
    } catch (RuntimeException e) {
      LOG.warn("could not check the desktop's colour scheme: {}", e.toString());
    }
  }
}
