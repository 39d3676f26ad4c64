package io.workspacebackend.sessionimage;

import io.workspacebackend.image.ImageBuilder;
import java.io.IOException;
import java.util.List;

/**
 * The session image the tests run, built (or reused, by its sources hash) by the product's own
 * {@code image build} code, exactly as CI does.
 */
final class SessionImage {

  static final String TAG = io.workspacebackend.testing.SessionImage.TAG;
  static final String HASH_LABEL = ImageBuilder.HASH_LABEL;

  private SessionImage() {}

  /** Builds the image into Docker unless it is there already with the current sources' hash. */
  static void ensureBuilt() throws Exception {
    io.workspacebackend.testing.SessionImage.ensureBuilt();
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
