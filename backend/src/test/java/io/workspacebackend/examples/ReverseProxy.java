package io.workspacebackend.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A real reverse proxy (nginx, Caddy) running from an example's configuration, until closed. */
final class ReverseProxy implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final int httpPort;
  private final int httpsPort;

  private ReverseProxy(Process process, Path log, int httpPort, int httpsPort) {
    this.process = process;
    this.log = log;
    this.httpPort = httpPort;
    this.httpsPort = httpsPort;
  }

  /** Starts {@code command}, which writes everything it says to {@code log}. */
  static ReverseProxy start(
      List<String> command, Map<String, String> environment, Path log, int httpPort, int httpsPort)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    return new ReverseProxy(builder.start(), log, httpPort, httpsPort);
  }

  int httpPort() {
    return httpPort;
  }

  int httpsPort() {
    return httpsPort;
  }

  /** Fails with what the proxy printed if it has stopped (a wait's fail-fast condition). */
  void assertRunning() {
    if (!process.isAlive()) {
      throw new AssertionError("the proxy stopped (exit " + process.exitValue() + "): " + log());
    }
  }

  /** What the proxy printed, for failure messages. */
  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
