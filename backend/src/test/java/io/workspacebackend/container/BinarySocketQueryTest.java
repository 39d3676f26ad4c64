package io.workspacebackend.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.config.RuntimeKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which question each runtime's CLI is asked, per system; the real CLIs run in RuntimeDetectorTest.
 */
class BinarySocketQueryTest {
  @Test
  void onMacOsPodmanIsAskedForItsMachinesHostSocketNotTheOneInsideTheVm() {
    assertThat(new BinarySocketQuery("Mac OS X").command("podman", RuntimeKind.PODMAN))
        .containsExactly(
            "podman", "machine", "inspect", "--format", "{{.ConnectionInfo.PodmanSocket.Path}}");
    assertThat(new BinarySocketQuery("Linux").command("podman", RuntimeKind.PODMAN))
        .containsExactly("podman", "info", "--format", "{{.Host.RemoteSocket.Path}}");
  }

  @Test
  void dockerIsAskedForItsCurrentContextOnEverySystem() {
    for (String os : List.of("Mac OS X", "Linux")) {
      assertThat(new BinarySocketQuery(os).command("docker", RuntimeKind.DOCKER))
          .containsExactly(
              "docker", "context", "inspect", "--format", "{{.Endpoints.docker.Host}}");
    }
  }
}
