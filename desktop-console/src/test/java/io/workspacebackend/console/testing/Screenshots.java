package io.workspacebackend.console.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Saves what a window shows as a PNG under target/screenshots, for reviewers to look at. */
public final class Screenshots {
  private static final Path DIRECTORY = Path.of("target", "screenshots");

  private Screenshots() {}

  public static Path save(Window window, String name) {
    AtomicReference<WritableImage> image = new AtomicReference<>();
    WaitForAsyncUtils.waitForFxEvents();
    try {
      WaitForAsyncUtils.waitFor(
          10,
          TimeUnit.SECONDS,
          WaitForAsyncUtils.asyncFx(() -> image.set(window.getScene().snapshot(null))));
    } catch (TimeoutException e) {
      throw new IllegalStateException("the window could not be captured in time", e);
    }
    Path file = DIRECTORY.resolve(name + ".png");
    try {
      Files.createDirectories(DIRECTORY);
      ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
