package io.workspacebackend.cli;

import io.workspacebackend.config.ConfigException;
import io.workspacebackend.config.ConfigRenderer;
import io.workspacebackend.config.LoadedConfig;
import io.workspacebackend.server.Installation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code init}: creates directories, the default config and the JWT secret; never overwrites. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description =
        "Create the config, data and state directories, a default config and the JWT secret.")
final class InitCommand implements Callable<Integer> {
  @ParentCommand WorkspaceBackendCommand root;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws ConfigException, IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path file = root.configFile();
    if (ConfigFiles.writeIfAbsent(file, ConfigRenderer.defaultConfigToml())) {
      out.println("created " + file);
    }
    LoadedConfig loaded = root.loadConfig();
    List<Path> created = Installation.of(loaded.config()).ensureDirectoriesAndSecret();
    created.forEach(path -> out.println("created " + path));
    if (created.isEmpty()) {
      out.println("already initialized; nothing changed (config: " + file + ")");
    }
    out.flush();
    return ExitCodes.OK;
  }
}
