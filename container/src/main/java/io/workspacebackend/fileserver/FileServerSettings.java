package io.workspacebackend.fileserver;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the file server needs to start, read from its environment.
 *
 * @param host the address to listen on ({@code FILESERVER_HOST}, default all interfaces)
 * @param port the port to listen on ({@code FILESERVER_PORT}, default 41821; 0 picks a free one)
 * @param workspace the directory served ({@code FILESERVER_WORKSPACE}, default {@code
 *     /home/dev/workspace})
 * @param secret the session secret every request must present ({@code SESSION_SECRET}, required)
 * @param terminal the terminal's gate, when ttyd listens on a socket for it ({@code TTYD_SOCKET})
 */
record FileServerSettings(
    String host, int port, Path workspace, String secret, Optional<Terminal> terminal) {

  /**
   * @param port where the terminal is reached ({@code TTYD_PORT}, default 41822)
   * @param ttyd the Unix socket ttyd listens on ({@code TTYD_SOCKET})
   */
  record Terminal(int port, Path ttyd) {}

  static final int DEFAULT_PORT = 41821;
  static final int DEFAULT_TERMINAL_PORT = 41822;
  static final Path DEFAULT_WORKSPACE = Path.of("/home/dev/workspace");

  static FileServerSettings fromEnvironment(Map<String, String> env) {
    var secret = env.getOrDefault("SESSION_SECRET", "");
    if (secret.isBlank()) {
      throw new IllegalArgumentException("SESSION_SECRET must be set and not blank");
    }
    int port = port(env, "FILESERVER_PORT", DEFAULT_PORT);
    var workspace = env.get("FILESERVER_WORKSPACE");
    var ttydSocket = env.get("TTYD_SOCKET");
    Optional<Terminal> terminal =
        ttydSocket == null || ttydSocket.isBlank()
            ? Optional.empty()
            : Optional.of(
                new Terminal(port(env, "TTYD_PORT", DEFAULT_TERMINAL_PORT), Path.of(ttydSocket)));
    return new FileServerSettings(
        env.getOrDefault("FILESERVER_HOST", "0.0.0.0"),
        port,
        workspace == null || workspace.isBlank() ? DEFAULT_WORKSPACE : Path.of(workspace),
        secret,
        terminal);
  }

  private static int port(Map<String, String> env, String name, int defaultPort) {
    var value = env.getOrDefault(name, Integer.toString(defaultPort));
    int port;
    try {
      port = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(name + " must be a port number, not " + value);
    }
    return port;
  }

  @Override
  public String toString() {
    // Never print the secret, not even by accident in a log line.
    return "FileServerSettings[host=" + host + ", port=" + port + ", workspace=" + workspace + "]";
  }
}
