package io.workspacebackend.cli;

import io.workspacebackend.client.ApiException;
import io.workspacebackend.client.ServerUnreachableException;
import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.config.ConfigException;
import io.workspacebackend.config.WorkspaceConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * How a command reaches the running server ({@code --server}, {@code --token-file}), for what only
 * the server can change: it holds users in memory, so changing them in the database behind its back
 * would not take effect.
 */
final class ServerOptions {
  /** The environment variable holding the token when no {@code --token-file} is given. */
  static final String TOKEN_VARIABLE = "WORKSPACE_BACKEND_TOKEN";

  @Option(
      names = "--server",
      paramLabel = "URL",
      description =
          "The running server (default: http://<server.host>:<server.port> of the configuration).")
  URI server;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description = "File holding an admin's token (default: $" + TOKEN_VARIABLE + ").")
  Path tokenFile;

  /** A client of the server, signed in with the token. */
  WorkspaceClient connect(WorkspaceBackendCommand root) throws ConfigException {
    String token = token(root);
    WorkspaceClient client;
    try {
      client = WorkspaceClient.forServer(server != null ? server : configured(root));
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
    }
    client.useToken(token);
    return client;
  }

  /**
   * Runs one request, turning the ways it fails into one line: no answer, or a refusal with the
   * server's reason (a token that is not an admin's: 403).
   */
  static <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (ServerUnreachableException e) {
      throw new CliException(ExitCodes.FAILURE, e.getMessage(), e);
    } catch (ApiException e) {
      String hint =
          switch (e.status()) {
            case 401 -> " (the token is expired, revoked, or not this server's)";
            case 403 -> " (the token must be an admin's)";
            default -> "";
          };
      throw new CliException(
          ExitCodes.FAILURE,
          "the server answered " + e.status() + ": " + e.userMessage() + hint,
          e);
    }
  }

  private String token(WorkspaceBackendCommand root) {
    String token;
    if (tokenFile != null) {
      try {
        token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new CliException(
            ExitCodes.USAGE, "cannot read --token-file " + tokenFile + ": " + e.getMessage(), e);
      }
      if (token.isEmpty()) {
        throw new CliException(ExitCodes.USAGE, "--token-file " + tokenFile + " is empty");
      }
      return token;
    }
    token = root.environment().getOrDefault(TOKEN_VARIABLE, "").strip();
    if (token.isEmpty()) {
      throw new CliException(
          ExitCodes.USAGE,
          "no token: set "
              + TOKEN_VARIABLE
              + " or pass --token-file FILE, with an admin's token (the \"token\" that"
              + " POST /api/auth/login answers)");
    }
    return token;
  }

  /** The configured address, as a client on this machine reaches it. */
  private static URI configured(WorkspaceBackendCommand root) throws ConfigException {
    WorkspaceConfig.Server config = root.loadConfig().config().server();
    if (config.port() == 0) {
      throw new CliException(
          ExitCodes.USAGE,
          "server.port is 0 (the server picks a free port), so its address is unknown;"
              + " pass --server URL");
    }
    String host =
        switch (config.host()) {
          case "0.0.0.0", "" -> "127.0.0.1";
          case "::", "[::]" -> "::1";
          default -> config.host();
        };
    if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + config.port());
  }
}
