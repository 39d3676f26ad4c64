package io.workspacebackend.console.packaging.driver;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.robot.Robot;
import javafx.stage.Window;
import javax.imageio.ImageIO;

/**
 * Saves what a console window shows on the screen, in both of the console's themes, as PNGs named
 * {@code <view>-<scale>-<light|dark>.png} (scale in per cent, from the window's render scale). It
 * captures the screen with JavaFX's {@link Robot} at the display's real resolution, so a capture at
 * 200 % has twice the pixels of one at 100 %, as the user's screen would. The other theme is
 * switched to exactly as Preferences does (Primer's user-agent stylesheet) and back afterwards.
 * Uses {@code java.desktop}'s ImageIO rather than javafx-swing, which the app image lacks.
 */
final class WindowCaptures {
  private static final Duration STEADY_WITHIN = Duration.ofSeconds(10);
  private static final Duration RECAPTURE = Duration.ofMillis(150);

  private final Path directory;
  private final ScreenUser user;

  WindowCaptures(Path directory, ScreenUser user) {
    this.directory = directory;
    this.user = user;
  }

  /** Captures {@code window} as it is now, then in the other theme, and restores the first. */
  void bothThemes(Window window, String view) throws InterruptedException {
    String shown = user.onFx(Application::getUserAgentStylesheet);
    String light = new PrimerLight().getUserAgentStylesheet();
    String dark = new PrimerDark().getUserAgentStylesheet();
    boolean darkFirst = dark.equals(shown);
    save(window, view, darkFirst ? "dark" : "light");
    switchTo(darkFirst ? light : dark);
    try {
      save(window, view, darkFirst ? "light" : "dark");
    } finally {
      switchTo(shown);
    }
  }

  private void switchTo(String stylesheet) {
    user.onFx(
        () -> {
          Application.setUserAgentStylesheet(stylesheet);
          return null;
        });
  }

  private void save(Window window, String view, String theme) throws InterruptedException {
    int scale = (int) Math.round(user.onFx(window::getRenderScaleX) * 100);
    WritableImage image = steadyCapture(window);
    Path file = directory.resolve(String.format(Locale.ROOT, "%s-%d-%s.png", view, scale, theme));
    try {
      Files.createDirectories(directory);
      ImageIO.write(toBufferedImage(image), "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The window's screen area once two captures in a row are equal: a stylesheet switch, a layout
   * and the render thread's frame all land some pulses after the change that caused them.
   */
  private WritableImage steadyCapture(Window window) throws InterruptedException {
    long deadline = System.nanoTime() + STEADY_WITHIN.toNanos();
    int[] before = null;
    while (true) {
      WritableImage image = user.onFx(() -> capture(window));
      int[] pixels = pixels(image);
      if (Arrays.equals(before, pixels) || System.nanoTime() > deadline) {
        return image;
      }
      before = pixels;
      Thread.sleep(RECAPTURE.toMillis());
    }
  }

  private static WritableImage capture(Window window) {
    Rectangle2D area =
        new Rectangle2D(window.getX(), window.getY(), window.getWidth(), window.getHeight());
    // scaleToFit false: the display's own pixels, twice as many per side at 200 %.
    return new Robot().getScreenCapture(null, area, false);
  }

  private static int[] pixels(WritableImage image) {
    int width = (int) image.getWidth();
    int height = (int) image.getHeight();
    int[] pixels = new int[width * height];
    image
        .getPixelReader()
        .getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
    return pixels;
  }

  private static BufferedImage toBufferedImage(WritableImage image) {
    int width = (int) image.getWidth();
    int height = (int) image.getHeight();
    BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    buffered.setRGB(0, 0, width, height, pixels(image), 0, width);
    return buffered;
  }
}
