package io.workspacebackend.session;

import com.github.dockerjava.api.DockerClient;
import io.workspacebackend.testing.RunningBackend;
import io.workspacebackend.testing.SessionClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(600)
class DockerStopAndStartTest extends StopAndStartContract {
  @RegisterExtension
  static RunningBackend backend =
      new RunningBackend()
          .with("sessions.startup_timeout", "180s")
          .with("sessions.max_per_user", "2");

  private static final DockerClient docker = SessionClient.docker();

  @AfterAll
  static void closeDocker() throws Exception {
    docker.close();
  }

  @Override
  RunningBackend backend() {
    return backend;
  }

  @Override
  DockerClient engine() {
    return docker;
  }
}
