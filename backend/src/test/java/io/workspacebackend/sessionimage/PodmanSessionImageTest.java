package io.workspacebackend.sessionimage;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.workspacebackend.sessionimage.SessionContainer.Service;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The session image on Podman's Docker-compatible API, started exactly as on Docker. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PodmanSessionImageTest {

  private static DockerClient podman;

  @TempDir Path workspace;

  @BeforeAll
  @Timeout(value = 25, unit = TimeUnit.MINUTES)
  static void provideImage() throws Exception {
    podman = Engine.PODMAN.client();
    Engine.PODMAN.provideImage(podman);
  }

  @AfterAll
  static void closeClient() throws IOException {
    podman.close();
  }

  @Test
  void allThreeServicesAnswerWithTheSecretAndRefuseWithoutIt() throws Exception {
    var secret = UUID.randomUUID().toString();
    try (var container = SessionContainer.start(podman, workspace, secret)) {
      container.awaitServices(Duration.ofSeconds(60));

      for (var service : Service.values()) {
        assertThat(container.get(service, service.probePath, false).statusCode())
            .as("%s without the secret", service)
            .isEqualTo(401);
      }
      container.stop(Duration.ofSeconds(10));
      assertThat(container.exitCode()).isZero();
    }
  }
}
