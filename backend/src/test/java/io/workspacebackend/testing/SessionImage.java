package io.workspacebackend.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.workspacebackend.container.DockerClients;
import io.workspacebackend.image.ImageBuilder;
import io.workspacebackend.image.ImageSources;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real session image on the test engine, built from this checkout once per test JVM (and reused
 * while its sources are unchanged, so CI's pre-built image is taken as is).
 */
public final class SessionImage {
  public static final String TAG = "opencode-dev:latest";
  public static final URI DOCKER = URI.create("unix:///var/run/docker.sock");
  private static final Path CHECKOUT = checkout();

  private static boolean ensured;

  private SessionImage() {}

  public static synchronized void ensureBuilt() throws Exception {
    if (ensured) {
      return;
    }
    PrintWriter progress =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    try (ImageBuilder builder = new ImageBuilder(DOCKER, progress)) {
      builder.build(new ImageSources(CHECKOUT), TAG, false);
    }
    ensured = true;
  }

  /**
   * The session image under its tag as the engine has it, whichever sources it was built from;
   * built only if missing. For backends whose tests start no session: the server's start-up check
   * needs the image to exist, not to match this checkout, and rebuilding it would retag an image
   * other checkouts' tests are using.
   */
  public static synchronized void ensurePresent() throws Exception {
    if (ensured) {
      return;
    }
    try (DockerClient docker = DockerClients.forRequests(DOCKER)) {
      docker.inspectImageCmd(TAG).exec();
      return;
    } catch (NotFoundException missing) {
      // Built below, outside the client's try.
    }
    ensureBuilt();
  }

  /** The checkout around the module whose tests run (modules sit one or two levels deep). */
  private static Path checkout() {
    Path module = Path.of("").toAbsolutePath();
    for (Path directory = module; directory != null; directory = directory.getParent()) {
      if (Files.isRegularFile(directory.resolve("container/Dockerfile"))) {
        return directory;
      }
    }
    throw new IllegalStateException("no container/Dockerfile above " + module);
  }
}
