package io.workspacebackend.sessionimage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The session image the tests run: built once per test run by {@code container/build-image.sh},
 * which reuses the image when its sources hash label matches, exactly as CI does.
 */
final class SessionImage {

  static final String TAG = "opencode-dev:latest";
  static final String HASH_LABEL = "io.workspace-backend.image-hash";

  private static boolean built;

  private SessionImage() {}

  /** The repository root: surefire runs in the module directory. */
  static Path repositoryRoot() {
    var here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve("container/Dockerfile")) ? here : here.getParent();
  }

  /** Builds the image into Docker unless it is there already with the current sources' hash. */
  static synchronized void ensureBuilt() throws IOException, InterruptedException {
    if (!built) {
      run(List.of(repositoryRoot().resolve("container/build-image.sh").toString(), TAG));
      built = true;
    }
  }

  /**
   * Runs a command, its output going to the test's own (through System.out, which surefire
   * captures, rather than the inherited descriptor, which would garble surefire's channel), and
   * fails unless it succeeds.
   */
  static void run(List<String> command) throws IOException, InterruptedException {
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (var output = process.getInputStream()) {
      output.transferTo(System.out);
    }
    int status = process.waitFor();
    if (status != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited with " + status);
    }
  }
}
