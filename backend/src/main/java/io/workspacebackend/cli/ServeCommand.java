package io.workspacebackend.cli;

import io.workspacebackend.config.ConfigException;
import io.workspacebackend.config.LoadedConfig;
import io.workspacebackend.image.ImageBuildCommand;
import io.workspacebackend.server.BackendServer;
import io.workspacebackend.server.ServerStartException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code serve}: runs the HTTP server until the process is stopped (SIGTERM or Ctrl-C). */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Start the server (default 127.0.0.1:8080).")
final class ServeCommand implements Callable<Integer> {
  @ParentCommand WorkspaceBackendCommand root;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on.")
  String host;

  @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on.")
  Integer port;

  @Option(
      names = "--workspace-root",
      paramLabel = "DIR",
      description = "Directory holding each user's workspaces.")
  Path workspaceRoot;

  @Option(names = "--image", paramLabel = "IMAGE", description = "Default session image.")
  String image;

  @Override
  public Integer call() throws ConfigException, InterruptedException {
    LoadedConfig loaded = root.loadConfig(overrides());
    BackendServer server;
    try {
      server = BackendServer.start(loaded.config());
    } catch (ServerStartException e) {
      throw new CliException(ExitCodes.FAILURE, withFix(e, loaded), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("workspace-backend listening on " + server.baseUri());
    out.flush();
    server.awaitClose();
    return ExitCodes.OK;
  }

  /** A missing image comes with the command that builds it, for this very configuration. */
  private String withFix(ServerStartException failure, LoadedConfig loaded) {
    if (failure.reason() != ServerStartException.Reason.IMAGE_MISSING) {
      return failure.getMessage();
    }
    String image = loaded.config().container().defaultImage();
    return failure.getMessage()
        + "; build it with: "
        + ImageBuildCommand.forImage(image, root.explicitConfigFile());
  }

  /** Flags are the highest layer of the configuration; only the ones given take part. */
  private Map<String, String> overrides() {
    Map<String, String> overrides = new LinkedHashMap<>();
    if (host != null) {
      overrides.put("server.host", host);
    }
    if (port != null) {
      overrides.put("server.port", port.toString());
    }
    if (workspaceRoot != null) {
      overrides.put("paths.workspace_root", workspaceRoot.toString());
    }
    if (image != null) {
      overrides.put("container.default_image", image);
    }
    return overrides;
  }
}
