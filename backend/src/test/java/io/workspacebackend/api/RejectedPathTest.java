package io.workspacebackend.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.testing.RunningBackend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Paths the firewall refuses before routing get problem+json like every other bad request. */
class RejectedPathTest {
  @RegisterExtension static RunningBackend backend = new RunningBackend();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/sessions/x/files/..",
        "/sessions/x/files/%2e%2e/x",
        "/sessions/x/files/%2E%2E%2Fx",
        "/api/%5c",
        "/a/../api/health",
        "/api//health",
        "/api/health;x",
        "/api/%2fhealth"
      })
  void aRefusedPathGetsAProblemNotAnEmptyBody(String rawPath) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(backend.server().baseUri() + rawPath)).build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("\"status\":400").contains("path is not allowed");
  }
}
