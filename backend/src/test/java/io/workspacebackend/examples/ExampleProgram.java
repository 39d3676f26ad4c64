package io.workspacebackend.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A command an example's user would type, run to its end; it must succeed. */
final class ExampleProgram {
  private ExampleProgram() {}

  /**
   * Runs {@code command} in {@code directory} with {@code environment} added (and every {@code
   * WORKSPACE_*} variable of this JVM's removed) and returns what it printed, stdout and stderr
   * together; fails if it exits with another code than 0 or runs longer than {@code timeout}.
   */
  static String run(
      Path directory, Map<String, String> environment, Duration timeout, List<String> command)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("WORKSPACE_"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    CompletableFuture<String> output =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                return "(output unreadable: " + e + ")";
              }
            });
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError(command + " ran longer than " + timeout + ": " + output.join());
    }
    String printed = output.join();
    assertThat(process.exitValue()).as("%s printed:%n%s", command, printed).isZero();
    return printed;
  }
}
