package io.workspacebackend.console.local;

import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.container.DetectedRuntime;
import io.workspacebackend.container.NoRuntimeException;
import io.workspacebackend.container.RuntimeDetector;
import io.workspacebackend.image.ImageBuildException;
import io.workspacebackend.image.ImageBuilder;
import io.workspacebackend.image.ImageSources;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The console's "Build image": what {@code workspace-backend image build} does, with its progress
 * lines handed to the screen as they come.
 */
public final class LocalImageBuild {
  private LocalImageBuild() {}

  /** Builds the configured default image; blocks until done. */
  public static ImageBuilder.Result run(WorkspaceConfig config, Consumer<String> progress)
      throws ImageBuildException, NoRuntimeException, IOException, InterruptedException {
    ImageSources sources = ImageSources.locate(null, Path.of("").toAbsolutePath(), installation());
    DetectedRuntime engine = RuntimeDetector.forCurrentProcess().detect(config.container());
    progress.accept(
        "Using " + engine.name() + " " + engine.engineVersion() + " at " + engine.socket());
    try (PrintWriter out = new PrintWriter(new LineWriter(progress), true);
        ImageBuilder builder = new ImageBuilder(engine.socket(), out)) {
      return builder.build(sources, config.container().defaultImage(), false);
    }
  }

  /**
   * Where the image's sources are when the console does not run from a checkout: the launcher's
   * {@code WORKSPACE_BACKEND_HOME}, the checkout the console's classes came from, or the copy an
   * app image carries in {@code image-sources}.
   */
  private static Path installation() {
    String home = System.getenv("WORKSPACE_BACKEND_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home);
    }
    try {
      Path code =
          Path.of(
              LocalImageBuild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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

  /** Splits written text into lines for the listener. */
  private static final class LineWriter extends Writer {
    private final Consumer<String> lines;
    private final StringBuilder pending = new StringBuilder();

    LineWriter(Consumer<String> lines) {
      this.lines = lines;
    }

    @Override
    public synchronized void write(char[] buffer, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        char c = buffer[i];
        if (c == '\n') {
          lines.accept(pending.toString());
          pending.setLength(0);
        } else if (c != '\r') {
          pending.append(c);
        }
      }
    }

    @Override
    public synchronized void flush() {}

    @Override
    public synchronized void close() {
      if (pending.length() > 0) {
        lines.accept(pending.toString());
        pending.setLength(0);
      }
    }
  }
}
