package io.workspacebackend.server;

import io.workspacebackend.config.RuntimeKind;
import io.workspacebackend.container.ContainerRuntime;
import io.workspacebackend.container.ContainerRuntimes;
import io.workspacebackend.container.DetectedRuntime;
import io.workspacebackend.container.DockerClients;
import java.net.URI;
import java.util.Optional;

/**
 * The build's class-archive training run (see {@code backend/pom.xml}): {@code serve} under
 * Spring's {@code -Dspring.context.exit=onRefresh}, which creates every bean and halts the JVM
 * before the server listens. It only has to load the classes a real start loads, so it must not
 * need what the build machine may lack: an engine that answers, or the session image.
 */
final class ClassArchiveTraining {
  private ClassArchiveTraining() {}

  static boolean running() {
    return "onRefresh".equalsIgnoreCase(System.getProperty("spring.context.exit"));
  }

  /**
   * A runtime whose engine is never called: the training run starts no session and no lifecycle
   * bean, so nothing asks it anything.
   */
  static ContainerRuntime placeholderRuntime() {
    return ContainerRuntimes.connect(
        new DetectedRuntime(
            RuntimeKind.DOCKER,
            URI.create("unix:///nonexistent/class-archive-training.sock"),
            "class-archive training",
            "none",
            DockerClients.API_VERSION,
            Optional.empty()));
  }
}
