package io.workspacebackend.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import io.workspacebackend.container.DockerClients;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the session image through the engine's API, printing each build step as it happens. An
 * image built from the same sources (same content hash label) is reused unless {@code noCache}.
 */
public final class ImageBuilder implements AutoCloseable {
  /**
   * The label holding {@link ImageSources#contentHash()} of the sources an image was built from.
   */
  public static final String HASH_LABEL = "io.workspace-backend.image-hash";

  private final DockerClient client;
  private final RootfsImport rootfsImport;
  private final PrintWriter progress;

  /** A builder on the engine at {@code socket}; {@link #close()} releases its connections. */
  public ImageBuilder(URI socket, PrintWriter progress) {
    this.client = DockerClients.forStreams(socket);
    this.rootfsImport = new RootfsImport(DockerClients.http(socket));
    this.progress = progress;
  }

  /** What happened: built anew or reused, and the image id. */
  public record Result(String tag, String imageId, boolean reused, Duration took) {}

  public Result build(ImageSources sources, String tag, boolean noCache)
      throws ImageBuildException, InterruptedException {
    long started = System.nanoTime();
    String hash = sources.contentHash();
    Optional<InspectImageResponse> existing = inspect(tag);
    if (!noCache && existing.isPresent() && hash.equals(labelOf(existing.get()))) {
      say(tag + " is up to date (sources hash " + hash + "); reusing it");
      return new Result(
          tag, existing.get().getId(), true, Duration.ofNanos(System.nanoTime() - started));
    }
    say(
        tag
            + (existing.isPresent() ? " was built from other sources" : " is missing")
            + "; building it from "
            + sources.dockerfile());
    new BaseImageBootstrap(client, rootfsImport, progress, Path.of("/etc/apt"))
        .ensurePresent(sources.baseImage());
    try (BuildContext context = BuildContext.of(sources, progress)) {
      runBuild(context, tag, hash, noCache);
    }
    String imageId = verifiedId(tag, hash);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    say("built " + tag + " (" + shortId(imageId) + ") in " + took.toSeconds() + " s");
    return new Result(tag, imageId, false, took);
  }

  private void runBuild(BuildContext context, String tag, String hash, boolean noCache)
      throws ImageBuildException, InterruptedException {
    ProgressCallback build;
    try {
      build =
          client
              .buildImageCmd()
              .withBaseDirectory(context.root().toFile())
              .withDockerfile(context.dockerfile().toFile())
              .withTags(Set.of(tag))
              .withLabels(Map.of(HASH_LABEL, hash))
              .withNoCache(noCache)
              .withPull(false)
              .withRemove(true)
              .exec(new ProgressCallback());
      build.awaitCompletion();
    } catch (DockerException | DockerClientException e) {
      throw new ImageBuildException("building " + tag + " failed: " + e.getMessage(), e);
    }
    if (build.failure != null) {
      throw new ImageBuildException("building " + tag + " failed: " + build.failure.strip());
    }
  }

  /**
   * The engine's full id of what {@code tag} names now, after checking it is the image just built:
   * an engine that stored the result under another name would leave the old image serving.
   */
  private String verifiedId(String tag, String hash) throws ImageBuildException {
    InspectImageResponse built =
        inspect(tag)
            .orElseThrow(
                () ->
                    new ImageBuildException(
                        "the build finished but the engine has no image named " + tag));
    if (!hash.equals(labelOf(built))) {
      throw new ImageBuildException(
          "the build finished but "
              + tag
              + " is another image (sources hash "
              + labelOf(built)
              + ", expected "
              + hash
              + ")");
    }
    return built.getId();
  }

  @Override
  public void close() throws IOException {
    try {
      client.close();
    } finally {
      rootfsImport.close();
    }
  }

  private Optional<InspectImageResponse> inspect(String tag) {
    try {
      return Optional.of(client.inspectImageCmd(tag).exec());
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  private static String labelOf(InspectImageResponse image) {
    if (image.getConfig() == null || image.getConfig().getLabels() == null) {
      return null;
    }
    return image.getConfig().getLabels().get(HASH_LABEL);
  }

  private static String shortId(String imageId) {
    String id = imageId.startsWith("sha256:") ? imageId.substring(7) : imageId;
    return id.length() > 12 ? id.substring(0, 12) : id;
  }

  private void say(String line) {
    progress.println("image: " + line);
    progress.flush();
  }

  /**
   * Prints the build's own output (its steps and their commands' output) line by line and keeps the
   * first failure: one the build reports in its stream, or the engine's refusal. The refusal is an
   * answer to show the user in one line, so it is not logged with a stack trace.
   */
  private final class ProgressCallback extends ResultCallback.Adapter<BuildResponseItem> {
    private volatile String failure;

    @Override
    public void onNext(BuildResponseItem item) {
      if (item.getStream() != null) {
        item.getStream().lines().filter(line -> !line.isBlank()).forEach(progress::println);
        progress.flush();
      }
      if (item.isErrorIndicated() && failure == null) {
        failure =
            item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                ? item.getErrorDetail().getMessage()
                : String.valueOf(item.getError());
      }
    }

    @Override
    public void onError(Throwable refusal) {
      if (failure == null) {
        failure =
            refusal.getMessage() == null
                ? refusal.getClass().getSimpleName()
                : refusal.getMessage();
      }
      onComplete();
    }
  }
}
