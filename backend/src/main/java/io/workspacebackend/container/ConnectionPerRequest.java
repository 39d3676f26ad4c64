package io.workspacebackend.container;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Asks the engine to close each connection after its answer, so no call ever goes out on a
 * connection the engine closed while it sat idle in the pool. Podman's service closes idle
 * connections after twice its {@code --time} (ten seconds as {@code podman.socket} starts it), and
 * docker-java's pool does not check them before reuse: after a quiet spell, every pooled connection
 * was dead and calls failed with "Broken pipe". A new Unix socket connection per call costs far
 * less than the engine's work for the call.
 */
final class ConnectionPerRequest implements DockerHttpClient {
  private final DockerHttpClient delegate;

  ConnectionPerRequest(DockerHttpClient delegate) {
    this.delegate = delegate;
  }

  @Override
  public Response execute(Request request) {
    if (request.hijackedInput() != null) {
      // An upgraded connection (attach) is the caller's until it ends, and never pooled anyway.
      return delegate.execute(request);
    }
    Map<String, String> headers = new HashMap<>(request.headers());
    headers.put("Connection", "close");
    return delegate.execute(Request.builder().from(request).headers(headers).build());
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }
}
