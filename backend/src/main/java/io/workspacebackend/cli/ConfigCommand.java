package io.workspacebackend.cli;

import io.workspacebackend.config.ConfigException;
import io.workspacebackend.config.ConfigRenderer;
import io.workspacebackend.config.LoadedConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Command;

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
  int show() throws ConfigException {
    LoadedConfig loaded = root.loadConfig();
    PrintWriter out = spec.commandLine().getOut();
    out.print(ConfigRenderer.toToml(loaded.config()));
    out.flush();
    return ExitCodes.OK;
  }

  @Command(
      name = "path",
      mixinStandardHelpOptions = true,
      description = "Print the path of the configuration file in use.")
  int path() {
    Path file = root.configFile();
    PrintWriter out = spec.commandLine().getOut();
    out.println(file.toAbsolutePath());
    out.flush();
    return ExitCodes.OK;
  }

  @Command(
      name = "reset",
      mixinStandardHelpOptions = true,
      description =
          "Back up the configuration file (config.toml.bak, then .bak.1, .bak.2…; none is"
              + " ever replaced) and write the default.")
  int reset() throws IOException {
    Path file = root.configFile();
    String defaults = ConfigRenderer.defaultConfigToml();
    PrintWriter out = spec.commandLine().getOut();
    if (Files.exists(file)
        && Arrays.equals(Files.readAllBytes(file), defaults.getBytes(StandardCharsets.UTF_8))) {
      // Nothing of the user's would be saved: another backup would only bury the real ones.
      out.println(file + " already holds the default configuration; nothing changed");
      out.flush();
      return ExitCodes.OK;
    }
    if (Files.exists(file)) {
      out.println("backed up " + file + " to " + ConfigBackups.backUp(file));
    }
    ConfigFiles.writeAtomically(file, defaults);
    out.println("wrote default configuration to " + file);
    out.flush();
    return ExitCodes.OK;
  }
}
