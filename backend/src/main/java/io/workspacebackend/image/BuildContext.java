package io.workspacebackend.image;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary directory holding exactly what the image build reads: the source files that make up
 * the content hash, the checkout's own extra CA certificates and this machine's local ones.
 * Building from it rather than from the checkout means the build never writes into the sources (an
 * account that may only read them, such as a rootless service account, can build) and cannot see a
 * file the hash does not cover.
 */
final class BuildContext implements AutoCloseable {
  private static final String EXTRA_CA = "container/extra-ca";

  private final Path root;

  private BuildContext(Path root) {
    this.root = root;
  }

  static BuildContext of(ImageSources sources, PrintWriter progress) throws ImageBuildException {
    Path root;
    try {
      root = Files.createTempDirectory("workspace-backend-image");
    } catch (IOException e) {
      throw new ImageBuildException("cannot create the build context: " + e.getMessage(), e);
    }
    BuildContext context = new BuildContext(root);
    try {
      for (Path file : sources.inputFiles()) {
        context.copy(sources.root(), file);
      }
      Path checkoutCas = sources.root().resolve(EXTRA_CA);
      Files.createDirectories(root.resolve(EXTRA_CA));
      if (Files.isDirectory(checkoutCas)) {
        try (Stream<Path> files = Files.list(checkoutCas)) {
          for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
            context.copy(sources.root(), file);
          }
        }
      }
      LocalCertificates.copyInto(root.resolve(EXTRA_CA), progress);
      return context;
    } catch (IOException | ImageBuildException | RuntimeException e) {
      context.close();
      if (e instanceof ImageBuildException failure) {
        throw failure;
      }
      throw new ImageBuildException("cannot prepare the build context: " + e.getMessage(), e);
    }
  }

  Path root() {
    return root;
  }

  Path dockerfile() {
    return root.resolve(ImageSources.DOCKERFILE);
  }

  private void copy(Path sourceRoot, Path file) throws IOException {
    Path target = root.resolve(sourceRoot.relativize(file).toString());
    Files.createDirectories(target.getParent());
    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary directory is harmless; the build's result matters.
    }
  }
}
