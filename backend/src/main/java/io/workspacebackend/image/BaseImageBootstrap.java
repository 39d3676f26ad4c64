package io.workspacebackend.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
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
    try (PullProgress pull = client.pullImageCmd(image).exec(new PullProgress())) {
      if (!pull.awaitCompletion(PULL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        return "no answer within " + PULL_TIMEOUT_SECONDS + " s";
      }
      if (pull.error().isPresent()) {
        return firstLine(pull.error().get());
      }
      // An engine may end the stream without an error and without the image: check for it.
      return present(image) ? null : "the engine ended the pull without the image";
    } catch (IOException | RuntimeException e) {
      return firstLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  private static String firstLine(String message) {
    return message.lines().findFirst().orElse(message).strip();
  }

  private void bootstrap(String image) throws ImageBuildException, InterruptedException {
    String mirror = mirror();
    Path work = null;
    try {
      work = Files.createTempDirectory("workspace-backend-rootfs");
      Path rootfs = work.resolve("rootfs.tar");
      say("mmdebstrap: Debian sid (minbase) from " + mirror + " (about a minute)");
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
      String id = rootfsImport.importTar(rootfs);
      try {
        tagExactly(id, image);
      } catch (ImageBuildException | DockerException e) {
        removeQuietly(id);
        throw e;
      }
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

  /**
   * Gives the imported image the Dockerfile's base name, then checks that the name now means that
   * image: an engine that quietly stored it elsewhere would send the build to a registry.
   */
  private void tagExactly(String id, String image) throws ImageBuildException {
    ImageName name = ImageName.parse(image);
    client.tagImageCmd(id, name.repository(), name.tag()).exec();
    String tagged = client.inspectImageCmd(image).exec().getId();
    if (!id.equals(tagged)) {
      throw new ImageBuildException(
          "tagged the imported base image "
              + id
              + " as "
              + image
              + ", but that name shows "
              + tagged);
    }
  }

  /** Removes the untagged image this bootstrap imported; only ever that one, by its id. */
  private void removeQuietly(String id) {
    try {
      client.removeImageCmd(id).withForce(false).exec();
    } catch (DockerException e) {
      say("could not remove the imported image " + id + ": " + e.getMessage());
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
