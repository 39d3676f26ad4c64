package io.workspacebackend.server;

import io.workspacebackend.config.WorkspaceConfig;
import java.io.IOException;

/** Makes sure what the server needs on disk exists before Spring starts: directories, secret. */
final class StartupPreparation {
  private StartupPreparation() {}

  static void prepare(WorkspaceConfig config) throws ServerStartException {
    try {
      Installation.of(config).ensureDirectoriesAndSecret();
    } catch (IOException e) {
      throw new ServerStartException("cannot prepare " + e.getMessage(), e);
    }
  }
}
