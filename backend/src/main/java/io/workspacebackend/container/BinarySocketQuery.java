package io.workspacebackend.container;

import io.workspacebackend.config.RuntimeKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The last resort of discovery: ask the runtime's CLI where its API socket is ({@code docker
 * context inspect}, {@code podman info}). Covers setups with sockets in unusual places, such as a
 * Podman machine on macOS.
 */
final class BinarySocketQuery {
  private static final long TIMEOUT_SECONDS = 5;

  private final boolean macOs;

  BinarySocketQuery(String osName) {
    this.macOs = osName.toLowerCase(Locale.ROOT).contains("mac");
  }

  static BinarySocketQuery forCurrentProcess() {
    return new BinarySocketQuery(System.getProperty("os.name"));
  }

  /**
   * Asks {@code configured} ({@code container.binary}), else the standard CLIs of the {@code
   * wanted} runtime, where their engine listens.
   */
  List<SocketCandidate> candidates(
      RuntimeKind wanted, Optional<String> configured, List<String> failures) {
    List<SocketCandidate> found = new ArrayList<>();
    for (String binary : binaries(wanted, configured)) {
      RuntimeKind kind =
          wanted != RuntimeKind.AUTO
              ? wanted
              : binary.contains("podman") ? RuntimeKind.PODMAN : RuntimeKind.DOCKER;
      List<String> command = command(binary, kind);
      try {
        ask(command)
            .ifPresentOrElse(
                socket ->
                    found.add(
                        new SocketCandidate(
                            SocketCandidates.toUri(socket), "reported by `" + binary + "`", kind)),
                () -> failures.add("`" + String.join(" ", command) + "`: printed no socket"));
      } catch (IOException e) {
        failures.add("`" + binary + "`: " + e.getMessage());
      }
    }
    return found;
  }

  /**
   * The question for one CLI. On macOS Podman runs in a machine: {@code podman info} would name the
   * socket inside the VM, while {@code podman machine inspect} names the host end that forwards to
   * it. Docker's current context covers Docker Desktop, Colima and Rancher Desktop alike.
   */
  List<String> command(String binary, RuntimeKind kind) {
    if (kind == RuntimeKind.DOCKER) {
      return List.of(binary, "context", "inspect", "--format", "{{.Endpoints.docker.Host}}");
    }
    return macOs
        ? List.of(binary, "machine", "inspect", "--format", "{{.ConnectionInfo.PodmanSocket.Path}}")
        : List.of(binary, "info", "--format", "{{.Host.RemoteSocket.Path}}");
  }

  private static List<String> binaries(RuntimeKind wanted, Optional<String> configured) {
    if (configured.isPresent()) {
      return List.of(configured.get());
    }
    return switch (wanted) {
      case DOCKER -> List.of("docker");
      case PODMAN -> List.of("podman");
      case AUTO -> List.of("podman", "docker");
    };
  }

  private static Optional<String> ask(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      process.getOutputStream().close();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("no answer within " + TIMEOUT_SECONDS + " s");
      }
      String output =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (process.exitValue() != 0) {
        throw new IOException("exit " + process.exitValue() + ": " + firstLine(output));
      }
      return output.isEmpty() || output.contains("<no value>")
          ? Optional.empty()
          : Optional.of(output);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted", e);
    }
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
