package io.workspacebackend.session;

import io.workspacebackend.testing.RunningBackend;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(300)
class DockerReadOnlyRootTest extends ReadOnlyRootContract {
  @RegisterExtension
  static RunningBackend backend =
      new RunningBackend()
          .with("container.runtime", "docker")
          .with("sessions.startup_timeout", "180s");

  @Override
  RunningBackend backend() {
    return backend;
  }

  @Override
  String engineBinary() {
    return "docker";
  }
}
