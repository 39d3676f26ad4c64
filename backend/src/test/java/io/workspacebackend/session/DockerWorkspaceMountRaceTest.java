package io.workspacebackend.session;

import io.workspacebackend.testing.RunningBackend;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(600)
class DockerWorkspaceMountRaceTest extends WorkspaceMountRaceContract {
  @RegisterExtension
  static RunningBackend backend =
      new RunningBackend().with("container.runtime", "docker").with("sessions.max_per_user", "50");

  @Override
  RunningBackend backend() {
    return backend;
  }

  @Override
  String engineBinary() {
    return "docker";
  }
}
