package io.workspacebackend.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.net.URI;
import java.time.Duration;

/**
 * Builds docker-java clients for an engine socket. The API version is pinned to 1.41, the newest
 * that Docker 20.10 speaks and the one Podman's compatible API implements; a newer default would
 * get "client version is too new".
 */
public final class DockerClients {
  public static final String API_VERSION = "1.41";

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

  private DockerClients() {}

  /** For ordinary calls: an engine that stops answering fails the call instead of hanging it. */
  public static DockerClient forRequests(URI socket) {
    return create(socket, Duration.ofSeconds(60));
  }

  /** For event and log streams, which may be quiet for hours. */
  public static DockerClient forStreams(URI socket) {
    return create(socket, null);
  }

  /** For detection: a socket that does not answer quickly is not the one. */
  static DockerClient forProbing(URI socket) {
    return create(socket, PROBE_TIMEOUT);
  }

  /**
   * The raw HTTP client, for the few calls docker-java gets wrong: it encodes a streamed body of
   * {@code POST /images/create} (import) as JSON. Paths must carry {@code /v1.41}.
   */
  public static DockerHttpClient http(URI socket) {
    return http(config(socket), null);
  }

  /** The raw HTTP client for detection, which must not wait long for any answer either. */
  static DockerHttpClient httpForProbing(URI socket) {
    return http(config(socket), PROBE_TIMEOUT);
  }

  private static DockerClient create(URI socket, Duration responseTimeout) {
    DockerClientConfig config = config(socket);
    return DockerClientImpl.getInstance(config, http(config, responseTimeout));
  }

  private static DockerClientConfig config(URI socket) {
    return DefaultDockerClientConfig.createDefaultConfigBuilder()
        .withDockerHost(socket.toString())
        .withApiVersion(API_VERSION)
        .build();
  }

  private static DockerHttpClient http(DockerClientConfig config, Duration responseTimeout) {
    ApacheDockerHttpClient.Builder http =
        new ApacheDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .sslConfig(config.getSSLConfig())
            .maxConnections(64)
            .connectionTimeout(Duration.ofSeconds(3));
    if (responseTimeout != null) {
      http.responseTimeout(responseTimeout);
    }
    return new ConnectionPerRequest(http.build());
  }
}
