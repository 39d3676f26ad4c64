package io.workspacebackend.image;

import com.github.dockerjava.transport.DockerHttpClient;
import io.workspacebackend.container.DockerClients;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code docker import} through the engine's API ({@code POST /images/create?fromSrc=-}), with the
 * root filesystem streamed from disk. docker-java's own command for this sends the stream
 * JSON-encoded, which the engine rejects ("unexpected EOF"), so this one call is made raw.
 */
final class RootfsImport implements AutoCloseable {
  private static final Pattern IMAGE_ID = Pattern.compile("sha256:[0-9a-f]{64}");

  private final DockerHttpClient http;

  RootfsImport(DockerHttpClient http) {
    this.http = http;
  }

  @Override
  public void close() throws IOException {
    http.close();
  }

  /**
   * Imports the root filesystem as an untagged image and returns its id. No repository is named:
   * Podman's import ignores the tag and would land the image on {@code <repository>:latest}, taking
   * that tag from whatever image held it (containers/podman#18597). The caller tags the id.
   */
  String importTar(Path rootfs) throws IOException, ImageBuildException {
    String path = "/v" + DockerClients.API_VERSION + "/images/create?fromSrc=-";
    try (InputStream tar = Files.newInputStream(rootfs);
        DockerHttpClient.Response response =
            http.execute(
                DockerHttpClient.Request.builder()
                    .method(DockerHttpClient.Request.Method.POST)
                    .path(path)
                    .putHeader("Content-Type", "application/x-tar")
                    .body(tar)
                    .build())) {
      // The engine answers 200 and reports a failure inside its JSON progress stream.
      String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
      if (response.getStatusCode() != 200 || body.contains("\"error\"")) {
        throw new ImageBuildException(
            "the engine refused to import the root filesystem: HTTP "
                + response.getStatusCode()
                + " "
                + body.strip());
      }
      return importedId(body);
    }
  }

  /**
   * Docker answers {@code {"status":"sha256:…"}}; Podman adds {@code "id":"sha256:…"}. Either way
   * the new image's id is the last {@code sha256:} value in the answer.
   */
  static String importedId(String answer) throws ImageBuildException {
    Matcher id = IMAGE_ID.matcher(answer);
    String last = null;
    while (id.find()) {
      last = id.group();
    }
    if (last == null) {
      throw new ImageBuildException(
          "the engine imported the root filesystem but named no image id: " + answer.strip());
    }
    return last;
  }
}
