package io.workspacebackend.container;

import io.workspacebackend.config.RuntimeKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Which engine a CLI drives, from what its {@code --version} prints ("Docker version …", "podman
 * version …"). The name alone can mislead: podman-docker installs a {@code docker} that runs
 * Podman, and it says so in its version output.
 */
final class CliEngineKind {
  private static final long TIMEOUT_SECONDS = 5;

  private CliEngineKind() {}

  /** DOCKER or PODMAN; AUTO when neither the version output nor the file name tells. */
  static RuntimeKind of(String binary) {
    String said = versionOutput(binary).toLowerCase(Locale.ROOT);
    if (said.contains("podman")) {
      return RuntimeKind.PODMAN;
    }
    if (said.contains("docker")) {
      return RuntimeKind.DOCKER;
    }
    String name = Path.of(binary).getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.contains("podman")) {
      return RuntimeKind.PODMAN;
    }
    return name.contains("docker") ? RuntimeKind.DOCKER : RuntimeKind.AUTO;
  }

  private static String versionOutput(String binary) {
    try {
      Process process = new ProcessBuilder(binary, "--version").redirectErrorStream(true).start();
      try {
        process.getOutputStream().close();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          return "";
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
        return "";
      }
    } catch (IOException e) {
      // Not runnable: the file name is all there is to go by.
      return "";
    }
  }
}
