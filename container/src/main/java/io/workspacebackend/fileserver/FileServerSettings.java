package io.workspacebackend.fileserver;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the file server needs to start, read from its environment.
 *
 * @param host the address to listen on ({@code FILESERVER_HOST}, default all interfaces)
 * @param port the port to listen on ({@code FILESERVER_PORT}, default 41821; 0 picks a free one)
 * @param workspace the directory served ({@code FILESERVER_WORKSPACE}, default {@code
 *     /home/dev/workspace})
 * @param secret the session secret every request must present ({@code SESSION_SECRET}, required)
 */
record FileServerSettings(String host, int port, Path workspace, String secret) {

  static final int DEFAULT_PORT = 41821;
  static final Path DEFAULT_WORKSPACE = Path.of("/home/dev/workspace");

  static FileServerSettings fromEnvironment(Map<String, String> env) {
    var secret = env.getOrDefault("SESSION_SECRET", "");
    if (secret.isBlank()) {
      throw new IllegalArgumentException("SESSION_SECRET must be set and not blank");
    }
    var portValue = env.getOrDefault("FILESERVER_PORT", Integer.toString(DEFAULT_PORT));
    int port;
    try {
      port = Integer.parseInt(portValue);
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("FILESERVER_PORT must be a port number, not " + portValue);
    }
    var workspace = env.get("FILESERVER_WORKSPACE");
    return new FileServerSettings(
        env.getOrDefault("FILESERVER_HOST", "0.0.0.0"),
        port,
        workspace == null || workspace.isBlank() ? DEFAULT_WORKSPACE : Path.of(workspace),
        secret);
  }

  @Override
  public String toString() {
    // Never print the secret, not even by accident in a log line.
    return "FileServerSettings[host=" + host + ", port=" + port + ", workspace=" + workspace + "]";
  }
}
