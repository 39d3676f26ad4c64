package io.workspacebackend.console.packaging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * An X display of a given size of its own (Xvfb on a free display number, which it picks and
 * reports itself with {@code -displayfd}): a 200 % console needs twice the pixels of the 1280×1024
 * screen {@code xvfb-run} gives, or its window would be squeezed to fit.
 */
final class VirtualDisplay implements AutoCloseable {
  private final Process xvfb;
  private final String name;

  private VirtualDisplay(Process xvfb, String name) {
    this.xvfb = xvfb;
    this.name = name;
  }

  static VirtualDisplay start(int width, int height) throws IOException {
    Process xvfb =
        new ProcessBuilder(
                "Xvfb",
                "-displayfd",
                "1",
                "-screen",
                "0",
                width + "x" + height + "x24",
                "-nolisten",
                "tcp")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    // Xvfb writes the display number once it accepts clients; closing the pipe would end it.
    BufferedReader output =
        new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8));
    String number = output.readLine();
    if (number == null || !number.strip().matches("[0-9]+")) {
      xvfb.destroyForcibly();
      throw new IOException("Xvfb did not start (is it installed?); it said: " + number);
    }
    return new VirtualDisplay(xvfb, ":" + number.strip());
  }

  /** The value for {@code DISPLAY}. */
  String name() {
    return name;
  }

  @Override
  public void close() throws InterruptedException {
    xvfb.destroy();
    if (!xvfb.waitFor(10, TimeUnit.SECONDS)) {
      xvfb.destroyForcibly();
    }
  }
}
