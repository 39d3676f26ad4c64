package io.workspacebackend.testing;

import io.workspacebackend.image.ImageBuilder;
import io.workspacebackend.image.ImageSources;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The real session image on the test engine, built from this checkout once per test JVM (and reused
 * while its sources are unchanged, so CI's pre-built image is taken as is).
 */
public final class SessionImage {
  public static final String TAG = "opencode-dev:latest";
  public static final URI DOCKER = URI.create("unix:///var/run/docker.sock");
  private static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();

  private static boolean ensured;

  private SessionImage() {}

  public static synchronized void ensureBuilt() throws Exception {
    if (ensured) {
      return;
    }
    if (!java.nio.file.Files.isRegularFile(CHECKOUT.resolve("container/Dockerfile"))
        && imagePresent()) {
      // A branch without the image's sources cannot build it: take the image that is there.
      ensured = true;
      return;
    }
    PrintWriter progress =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    try (ImageBuilder builder = new ImageBuilder(DOCKER, progress)) {
      builder.build(new ImageSources(CHECKOUT), TAG, false);
    }
    ensured = true;
  }

  private static boolean imagePresent() throws Exception {
    Process inspect =
        new ProcessBuilder("docker", "image", "inspect", TAG)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    return inspect.waitFor() == 0;
  }
}
