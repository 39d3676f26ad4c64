package io.workspacebackend.image;

import com.github.dockerjava.transport.DockerHttpClient;
import io.workspacebackend.container.DockerClients;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code docker import} through the engine's API ({@code POST /images/create?fromSrc=-}), with the
 * root filesystem streamed from disk. docker-java's own command for this sends the stream
 * JSON-encoded, which the engine rejects ("unexpected EOF"), so this one call is made raw.
 */
final class RootfsImport implements AutoCloseable {
  private final DockerHttpClient http;

  RootfsImport(DockerHttpClient http) {
    this.http = http;
  }

  @Override
  public void close() throws IOException {
    http.close();
  }

  void importTar(Path rootfs, ImageName name) throws IOException, ImageBuildException {
    String path =
        "/v"
            + DockerClients.API_VERSION
            + "/images/create?fromSrc=-&repo="
            + URLEncoder.encode(name.repository(), StandardCharsets.UTF_8)
            + "&tag="
            + URLEncoder.encode(name.tag(), StandardCharsets.UTF_8);
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
            "the engine refused to import "
                + name
                + ": HTTP "
                + response.getStatusCode()
                + " "
                + body.strip());
      }
    }
  }
}
