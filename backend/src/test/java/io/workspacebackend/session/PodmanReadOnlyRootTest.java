package io.workspacebackend.session;

import io.workspacebackend.sessionimage.Engine;
import io.workspacebackend.testing.RunningBackend;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(300)
class PodmanReadOnlyRootTest extends ReadOnlyRootContract {
  @RegisterExtension
  static RunningBackend backend =
      new RunningBackend()
          .with("container.runtime", "podman")
          .with("sessions.startup_timeout", "180s")
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
