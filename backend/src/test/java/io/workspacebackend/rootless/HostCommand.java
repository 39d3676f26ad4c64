package io.workspacebackend.rootless;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Short commands on the host (account tools, the engines' CLIs), with their output. */
final class HostCommand {
  /** Long enough for `image build` from nothing on a loaded machine. */
  private static final long TIMEOUT_MINUTES = 20;

  private HostCommand() {}

  /** Runs {@code command} and returns its output; fails unless it exits 0. */
  static String run(List<String> command) throws IOException, InterruptedException {
    return run(new ProcessBuilder(command));
  }

  static String run(ProcessBuilder builder) throws IOException, InterruptedException {
    Process process = builder.redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(builder.command() + " did not finish: " + output);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          builder.command() + " exited " + process.exitValue() + ": " + output.strip());
    }
    return output;
  }

  /** Runs {@code command}, its output discarded, and returns its exit status. */
  static int status(List<String> command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectErrorStream(true)
            .start();
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(command + " did not finish");
    }
    return process.exitValue();
  }
}
