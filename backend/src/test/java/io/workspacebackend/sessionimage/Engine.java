package io.workspacebackend.sessionimage;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A container engine the tests run against, through its Docker-compatible socket. */
public enum Engine {
  DOCKER("unix:///var/run/docker.sock"),
  PODMAN("unix:///run/podman/podman.sock");

  /** The API version the Docker engine here speaks; Podman 4.3 accepts it too. */
  static final String API_VERSION = "1.41";

  private final String socket;

  Engine(String socket) {
    this.socket = socket;
  }

  /** The engine's socket, as the product's code takes it. */
  public URI socket() {
    return URI.create(socket);
  }

  public DockerClient client() {
    if (!Files.exists(Path.of(socket.substring("unix://".length())))) {
      throw new IllegalStateException(
          this + " socket " + socket + " is missing; start the engine first (see .ci/run)");
    }
    var config =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(socket)
            .withApiVersion(API_VERSION)
            .build();
    var http =
        new ApacheDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .connectionTimeout(Duration.ofSeconds(5))
            .responseTimeout(Duration.ofMinutes(2))
            .build();
    return DockerClientImpl.getInstance(config, http);
  }

  /**
   * Makes the session image available to this engine. Podman keeps its own images, so Docker's is
   * copied over unless Podman already has one with the same sources hash.
   */
  public void provideImage(DockerClient client) throws Exception {
    SessionImage.ensureBuilt();
    if (this == DOCKER) {
      return;
    }
    var wanted = DOCKER.labelOfImage();
    String present;
    try {
      present =
          client
              .inspectImageCmd(SessionImage.TAG)
              .exec()
              .getConfig()
              .getLabels()
              .get(SessionImage.HASH_LABEL);
    } catch (com.github.dockerjava.api.exception.NotFoundException e) {
      present = null;
    }
    if (!wanted.equals(present)) {
      SessionImage.run(
          List.of("bash", "-c", "docker save " + SessionImage.TAG + " | podman load -q"));
    }
  }

  private String labelOfImage() {
    try (var client = client()) {
      return client
          .inspectImageCmd(SessionImage.TAG)
          .exec()
          .getConfig()
          .getLabels()
          .get(SessionImage.HASH_LABEL);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
