package io.workspacebackend.launcher;

import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.container.DetectedRuntime;
import io.workspacebackend.container.NoRuntimeException;
import io.workspacebackend.container.RuntimeDetector;
import io.workspacebackend.image.ImageBuildException;
import io.workspacebackend.image.ImageBuilder;
import io.workspacebackend.image.ImageSources;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** What {@code workspace-backend image build} does, for the launcher: the configured image. */
final class SessionImageBuild {
  private SessionImageBuild() {}

  static String run(WorkspaceConfig config, Consumer<String> progress)
      throws LaunchException, InterruptedException {
    String image = config.container().defaultImage();
    try {
      ImageSources sources =
          ImageSources.locate(null, Path.of("").toAbsolutePath(), installation());
      DetectedRuntime engine = RuntimeDetector.forCurrentProcess().detect(config.container());
      progress.accept(
          "Building "
              + image
              + " with "
              + engine.name()
              + " "
              + engine.engineVersion()
              + " at "
              + engine.socket());
      try (PrintWriter out = new PrintWriter(new ProgressLines(progress), true);
          ImageBuilder builder = new ImageBuilder(engine.socket(), out)) {
        return builder.build(sources, image, false).tag();
      }
    } catch (NoRuntimeException e) {
      throw new LaunchException(LaunchException.Problem.NO_RUNTIME, e.getMessage(), e);
    } catch (ImageBuildException | IOException e) {
      throw new LaunchException(LaunchException.Problem.OTHER, e.getMessage(), e);
    }
  }

  /**
   * Where the image's sources are when the caller does not run from a checkout: the launcher
   * script's {@code WORKSPACE_BACKEND_HOME}, the checkout these classes came from, or the copy the
   * console's app image carries in {@code image-sources} beside its jars.
   */
  private static Path installation() {
    String home = System.getenv("WORKSPACE_BACKEND_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home);
    }
    try {
      Path code =
          Path.of(
              SessionImageBuild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path dir = code; dir != null; dir = dir.getParent()) {
        for (Path candidate : new Path[] {dir, dir.resolve("image-sources")}) {
          if (Files.isRegularFile(candidate.resolve("container/Dockerfile"))) {
            return candidate;
          }
        }
      }
    } catch (URISyntaxException | SecurityException e) {
      return null;
    }
    return null;
  }
}
