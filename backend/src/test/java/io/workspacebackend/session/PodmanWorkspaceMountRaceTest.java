package io.workspacebackend.session;

import io.workspacebackend.sessionimage.Engine;
import io.workspacebackend.testing.RunningBackend;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(600)
class PodmanWorkspaceMountRaceTest extends WorkspaceMountRaceContract {
  @RegisterExtension
  static RunningBackend backend =
      new RunningBackend()
          .with("container.runtime", "podman")
          .with("sessions.max_per_user", "50")
          .beforeStart(
              () -> {
                try (var podman = Engine.PODMAN.client()) {
                  Engine.PODMAN.provideImage(podman);
                }
              });

  @Override
  RunningBackend backend() {
    return backend;
  }

  @Override
  String engineBinary() {
    return "podman";
  }
}
