package io.workspacebackend.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure the Dockerfile's base image exists in the engine: present, else pulled, else — where
 * no registry can be reached — built from Debian packages with mmdebstrap and imported through the
 * engine's API under the same tag, so the Dockerfile stays the one a normal machine builds.
 */
final class BaseImageBootstrap {
  private static final long PULL_TIMEOUT_SECONDS = 120;
  private static final long MMDEBSTRAP_TIMEOUT_MINUTES = 15;

  private final DockerClient client;
  private final RootfsImport rootfsImport;
  private final PrintWriter progress;
  private final Path aptDirectory;

  BaseImageBootstrap(
      DockerClient client, RootfsImport rootfsImport, PrintWriter progress, Path aptDirectory) {
    this.client = client;
    this.rootfsImport = rootfsImport;
    this.progress = progress;
    this.aptDirectory = aptDirectory;
  }

  void ensurePresent(String image) throws ImageBuildException, InterruptedException {
    if (present(image)) {
      say("base image " + image + " is present");
      return;
    }
    say("base image " + image + " is missing; trying to pull it");
    String pullFailure = pull(image);
    if (pullFailure == null) {
      say("pulled " + image);
      return;
    }
    say("cannot pull " + image + " (" + pullFailure + "); bootstrapping it from Debian packages");
    bootstrap(image);
  }

  private boolean present(String image) {
    try {
      client.inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  /** Returns null on success, else why the pull failed. */
  private String pull(String image) throws InterruptedException {
    try {
      boolean finished =
          client
              .pullImageCmd(image)
              .start()
              .awaitCompletion(PULL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return finished ? null : "no answer within " + PULL_TIMEOUT_SECONDS + " s";
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return message.lines().findFirst().orElse(message).strip();
    }
  }

  private void bootstrap(String image) throws ImageBuildException, InterruptedException {
    String mirror = mirror();
    Path work = null;
    try {
      work = Files.createTempDirectory("workspace-backend-rootfs");
      Path rootfs = work.resolve("rootfs.tar");
      say("mmdebstrap: Debian sid (minbase) from " + mirror + " — about a minute");
      run(
          List.of(
              "mmdebstrap",
              "--quiet",
              "--variant=minbase",
              // The mirror's Release files may be past their Valid-Until date.
              "--aptopt=Acquire::Check-Valid-Until \"false\"",
              "sid",
              rootfs.toString(),
              mirror));
      rootfsImport.importTar(rootfs, ImageName.parse(image));
      say(
          "imported "
              + image
              + " ("
              + Files.size(rootfs) / (1024 * 1024)
              + " MiB root filesystem)");
    } catch (IOException e) {
      throw new ImageBuildException("bootstrapping " + image + " failed: " + e.getMessage(), e);
    } finally {
      if (work != null) {
        deleteQuietly(work);
      }
    }
  }

  private String mirror() throws ImageBuildException {
    try {
      return DebianMirror.find(aptDirectory)
          .orElseThrow(
              () ->
                  new ImageBuildException(
                      "cannot pull the base image and found no Debian mirror in "
                          + aptDirectory
                          + "/sources.list{,.d/*}"));
    } catch (IOException e) {
      throw new ImageBuildException("cannot read apt sources: " + e.getMessage(), e);
    }
  }

  private void run(List<String> command)
      throws IOException, InterruptedException, ImageBuildException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new ImageBuildException(
          "cannot pull the base image and cannot run mmdebstrap ("
              + e.getMessage()
              + "); install it: apt-get install -y mmdebstrap",
          e);
    }
    process.getOutputStream().close();
    try (var lines = process.inputReader().lines()) {
      lines.forEach(line -> say("mmdebstrap: " + line));
    }
    if (!process.waitFor(MMDEBSTRAP_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new ImageBuildException(
          "mmdebstrap did not finish within " + MMDEBSTRAP_TIMEOUT_MINUTES + " minutes");
    }
    if (process.exitValue() != 0) {
      throw new ImageBuildException("mmdebstrap failed with exit code " + process.exitValue());
    }
  }

  private void say(String line) {
    progress.println("image: " + line);
    progress.flush();
  }

  private static void deleteQuietly(Path directory) {
    try (var paths = Files.walk(directory)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary directory is harmless; the build result matters.
    }
  }
}
