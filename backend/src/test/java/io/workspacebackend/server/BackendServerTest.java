package io.workspacebackend.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.testing.RunningBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;

class BackendServerTest {
  @RegisterExtension static RunningBackend backend = new RunningBackend();

  @Test
  void healthReportsTheMigratedDatabase() {
    backend
        .client()
        .get()
        .uri("/api/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("ok")
        .jsonPath("$.database.status")
        .isEqualTo("up")
        .jsonPath("$.database.details.schema_version")
        .isEqualTo("5");
  }

  @Test
  void openApiDescribesTheApi() {
    backend
        .client()
        .get()
        .uri("/api/openapi.json")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.openapi")
        .value(version -> assertThat((String) version).startsWith("3."))
        .jsonPath("$.paths['/api/health'].get")
        .exists();
  }

  @Test
  void aRequestWithoutATokenGetsProblemJson401() {
    backend
        .client()
        .get()
        .uri("/api/no-such-thing")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals("WWW-Authenticate", "Bearer")
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(401)
        .jsonPath("$.title")
        .isEqualTo("Unauthorized");
  }

  @Test
  void theBaseUriNamesTheRealPort() {
    assertThat(backend.server().port()).isPositive();
    assertThat(backend.server().baseUri().toString())
        .isEqualTo("http://127.0.0.1:" + backend.server().port());
  }
}
