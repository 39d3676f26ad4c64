package io.workspacebackend.cli;

import io.workspacebackend.config.ConfigException;
import io.workspacebackend.config.ConfigRenderer;
import io.workspacebackend.config.LoadedConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code config show|path|reset}: inspect or reset the configuration file. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Show, locate or reset the configuration.",
    synopsisSubcommandLabel = "COMMAND")
final class ConfigCommand extends CommandGroup {

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Print the effective configuration as TOML (secrets redacted).")
  int show(@Mixin ConfigFileOption configFile) throws ConfigException {
    LoadedConfig loaded = configFile.load(root.configLoader());
    PrintWriter out = spec.commandLine().getOut();
    out.print(ConfigRenderer.toToml(loaded.config()));
    out.flush();
    return ExitCodes.OK;
  }

  @Command(
      name = "path",
      mixinStandardHelpOptions = true,
      description = "Print the path of the configuration file in use.")
  int path(@Mixin ConfigFileOption configFile) {
    Path file = configFile.explicitFile().orElseGet(root.configLoader()::defaultConfigFile);
    PrintWriter out = spec.commandLine().getOut();
    out.println(file.toAbsolutePath());
    out.flush();
    return ExitCodes.OK;
  }

  @Command(
      name = "reset",
      mixinStandardHelpOptions = true,
      description = "Back up the configuration file to config.toml.bak and write the default.")
  int reset(@Mixin ConfigFileOption configFile) throws IOException {
    Path file = configFile.explicitFile().orElseGet(root.configLoader()::defaultConfigFile);
    PrintWriter out = spec.commandLine().getOut();
    if (Files.exists(file)) {
      Path backup = file.resolveSibling(file.getFileName() + ".bak");
      Files.copy(
          file, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
      out.println("backed up " + file + " to " + backup);
    }
    ConfigFiles.writeAtomically(file, ConfigRenderer.defaultConfigToml());
    out.println("wrote default configuration to " + file);
    out.flush();
    return ExitCodes.OK;
  }
}
