package io.workspacebackend.server;

import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.container.ContainerRuntime;
import io.workspacebackend.container.ContainerRuntimes;
import io.workspacebackend.container.DetectedRuntime;
import io.workspacebackend.container.NoRuntimeException;
import io.workspacebackend.container.RuntimeDetector;
import java.io.IOException;
import java.time.Duration;

/**
 * What must hold before the server listens: directories and secret on disk, a container runtime
 * that answers, and the default session image on it. Each failure is one sentence with the fix.
 */
final class StartupPreparation {
  private static final Duration IMAGE_CHECK_TIMEOUT = Duration.ofSeconds(15);

  private StartupPreparation() {}

  static void prepareFiles(WorkspaceConfig config) throws ServerStartException {
    try {
      Installation.of(config).ensureDirectoriesAndSecret();
    } catch (IOException e) {
      throw new ServerStartException("cannot prepare " + e.getMessage(), e);
    }
  }

  /** Finds the runtime and checks the default image; the caller closes the runtime. */
  static ContainerRuntime connectRuntime(WorkspaceConfig config) throws ServerStartException {
    DetectedRuntime engine;
    try {
      engine = RuntimeDetector.forCurrentProcess().detect(config.container());
    } catch (NoRuntimeException e) {
      throw new ServerStartException(ServerStartException.Reason.NO_RUNTIME, e.getMessage(), e);
    }
    ContainerRuntime runtime = ContainerRuntimes.connect(engine);
    String image = config.container().defaultImage();
    Boolean present;
    try {
      present = runtime.imagePresent(image).block(IMAGE_CHECK_TIMEOUT);
    } catch (RuntimeException e) {
      runtime.close();
      throw new ServerStartException(
          ServerStartException.Reason.NO_RUNTIME,
          engine.name() + " at " + engine.socket() + " did not answer: " + e.getMessage(),
          e);
    }
    if (!Boolean.TRUE.equals(present)) {
      runtime.close();
      throw new ServerStartException(
          ServerStartException.Reason.IMAGE_MISSING,
          "the session image "
              + image
              + " is missing on "
              + engine.name()
              + "; build it with: workspace-backend image build",
          null);
    }
    return runtime;
  }
}
