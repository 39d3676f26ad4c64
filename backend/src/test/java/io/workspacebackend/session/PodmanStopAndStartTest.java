package io.workspacebackend.session;

import com.github.dockerjava.api.DockerClient;
import io.workspacebackend.sessionimage.Engine;
import io.workspacebackend.testing.RunningBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(600)
class PodmanStopAndStartTest extends StopAndStartContract {
  @RegisterExtension
  static RunningBackend backend =
      new RunningBackend()
          .with("container.runtime", "podman")
          .with("sessions.startup_timeout", "180s")
          .with("sessions.max_per_user", "2")
          .beforeStart(
              () -> {
                try (var podman = Engine.PODMAN.client()) {
                  Engine.PODMAN.provideImage(podman);
                }
              });

  private static final DockerClient podman = Engine.PODMAN.client();

  @AfterAll
  static void closePodman() throws Exception {
    podman.close();
  }

  @Override
  RunningBackend backend() {
    return backend;
  }

  @Override
  DockerClient engine() {
    return podman;
  }
}
