package io.workspacebackend.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.util.unit.DataSize;

/** The whole effective configuration: one immutable record per section of config.toml. */
public record WorkspaceConfig(
    Server server,
    Auth auth,
    Container container,
    Sessions sessions,
    Paths paths,
    Logging logging) {

  /**
   * {@code [server]}: the HTTP server. {@code sessionDomain} is empty when sessions have no browser
   * origins (a server off loopback with no wildcard domain configured).
   */
  public record Server(
      String host,
      int port,
      List<String> allowedOrigins,
      Optional<String> sessionDomain,
      DataSize maxBodySize) {
    public Server {
      allowedOrigins = List.copyOf(allowedOrigins);
    }
  }

  /** {@code [auth]}: login tokens and the throttling of failed sign-ins. */
  public record Auth(
      Duration tokenTtl,
      Path secretFile,
      int maxFailedLogins,
      Duration failedLoginWindow,
      Duration failedLoginDelay) {}

  /** {@code [container]}: the container engine and the limits of each session container. */
  public record Container(
      RuntimeKind runtime,
      Optional<String> binary,
      Optional<String> socket,
      String defaultImage,
      int basePort,
      DataSize memoryLimit,
      double cpus,
      int pidsLimit) {}

  /**
   * {@code [sessions]}: workspace sessions, the default quota of each user's live sessions (empty
   * memory or CPU totals are unlimited), how long the proxies wait for their services (opencode's
   * event stream sends a heartbeat every 10 s, well inside the stream idle timeout), when idle
   * sessions are stopped, and how many started containers wait to become sessions ({@code
   * warmPool}).
   */
  public record Sessions(
      int maxPerUser,
      Optional<DataSize> maxMemoryPerUser,
      Optional<Double> maxCpusPerUser,
      Duration startupTimeout,
      Duration stopTimeout,
      Duration responseTimeout,
      Duration streamIdleTimeout,
      Duration idleTimeout,
      int warmPool) {}

  /** {@code [paths]}: where the backend keeps its files. */
  public record Paths(Path dataDir, Path stateDir, Path workspaceRoot) {}

  /** {@code [logging]}: log output. */
  public record Logging(LogLevel level, Optional<Path> file) {}
}
