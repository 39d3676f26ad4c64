package io.workspacebackend.cli;

import io.workspacebackend.config.ConfigException;
import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.container.DetectedRuntime;
import io.workspacebackend.container.NoRuntimeException;
import io.workspacebackend.container.RuntimeDetector;
import io.workspacebackend.image.ImageBuildException;
import io.workspacebackend.image.ImageBuilder;
import io.workspacebackend.image.ImageSources;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code image build}: builds the session image through the container runtime's API. */
@Command(
    name = "image",
    mixinStandardHelpOptions = true,
    description = "Build the session image.",
    synopsisSubcommandLabel = "COMMAND")
final class ImageCommand extends CommandGroup {

  @Command(
      name = "build",
      mixinStandardHelpOptions = true,
      description = "Build container/Dockerfile (reused when its sources did not change).")
  int build(
      @Option(
              names = "--tag",
              paramLabel = "TAG",
              description = "Image tag (default: container.default_image).")
          String tag,
      @Option(names = "--no-cache", description = "Rebuild every layer, even if up to date.")
          boolean noCache,
      @Option(
              names = "--source",
              paramLabel = "DIR",
              description = "Source checkout holding container/Dockerfile (default: found).")
          Path source)
      throws ConfigException, InterruptedException {
    WorkspaceConfig config = root.loadConfig().config();
    PrintWriter out = spec.commandLine().getOut();
    try {
      ImageSources sources =
          ImageSources.locate(source, Path.of("").toAbsolutePath(), installation());
      DetectedRuntime engine = RuntimeDetector.forCurrentProcess().detect(config.container());
      out.println(
          "image: using "
              + engine.name()
              + " "
              + engine.engineVersion()
              + " at "
              + engine.socket());
      try (ImageBuilder builder = new ImageBuilder(engine.socket(), out)) {
        builder.build(sources, tag != null ? tag : config.container().defaultImage(), noCache);
      }
    } catch (ImageBuildException | NoRuntimeException e) {
      throw new CliException(ExitCodes.FAILURE, e.getMessage(), e);
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILURE, "image build failed: " + e.getMessage(), e);
    }
    return ExitCodes.OK;
  }

  /** The checkout the launcher script ran from (bin/workspace-backend exports it). */
  private static Path installation() {
    String home = System.getenv("WORKSPACE_BACKEND_HOME");
    return home == null || home.isBlank() ? null : Path.of(home);
  }
}
