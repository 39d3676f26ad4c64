package io.workspacebackend.server;

import io.workspacebackend.auth.JwtSecretFile;
import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.container.ContainerRuntime;
import io.workspacebackend.container.ContainerRuntimes;
import io.workspacebackend.container.DetectedRuntime;
import io.workspacebackend.container.NoRuntimeException;
import io.workspacebackend.container.RuntimeDetector;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;

/**
 * What must hold before the server listens: directories and secret on disk, a container runtime
 * that answers, and the default session image on it. Each failure is one sentence with the fix.
 */
final class StartupPreparation {
  private static final Duration IMAGE_CHECK_TIMEOUT = Duration.ofSeconds(15);

  private StartupPreparation() {}

  /**
   * Makes what a fresh machine lacks, and reads the JWT secret once before Spring boots, so an
   * unusable one fails in its one sentence rather than in a page of log.
   */
  static void prepareFiles(WorkspaceConfig config) throws ServerStartException {
    try {
      Installation.of(config).ensureDirectoriesAndSecret();
      JwtSecretFile.read(config.auth().secretFile());
    } catch (IOException e) {
      throw new ServerStartException("cannot prepare " + e.getMessage(), e);
    } catch (JwtSecretFile.InvalidSecretException e) {
      throw new ServerStartException(e.getMessage(), e);
    }
  }

  /**
   * Fails at once, in one sentence, when something already listens on the configured port; Spring
   * would find out only after booting, with a page of log around it. A port taken between this
   * check and the server's bind still fails, through {@link BackendServer}'s explanation.
   */
  static void checkPortFree(WorkspaceConfig config) throws ServerStartException {
    int port = config.server().port();
    if (port == 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket()) {
      // As the server binds: an old connection in TIME_WAIT does not count as "in use".
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(config.server().host(), port));
    } catch (BindException e) {
      if (String.valueOf(e.getMessage()).contains("in use")) {
        throw portInUse(config, port, e);
      }
    } catch (IOException | IllegalArgumentException e) {
      // Anything else (an address that is not this machine's…) the server's own start reports.
    }
  }

  static ServerStartException portInUse(WorkspaceConfig config, int port, Throwable cause) {
    return new ServerStartException(
        ServerStartException.Reason.PORT_IN_USE,
        "port "
            + port
            + " on "
            + config.server().host()
            + " is already in use; stop what listens there or choose another with --port",
        cause);
  }

  /** Finds the runtime and checks the default image; the caller closes the runtime. */
  static ContainerRuntime connectRuntime(WorkspaceConfig config) throws ServerStartException {
    try {
      return connectAndCheckImage(config);
    } catch (ServerStartException e) {
      if (!ClassArchiveTraining.running()) {
        throw e;
      }
      // The attempt has loaded the classes a real start loads; the rest of the start needs none.
      return ClassArchiveTraining.placeholderRuntime();
    }
  }

  private static ContainerRuntime connectAndCheckImage(WorkspaceConfig config)
      throws ServerStartException {
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
          // The fix is the caller's to add: only it knows how the user reaches this server.
          "the session image " + image + " is missing on " + engine.name(),
          null);
    }
    return runtime;
  }
}
