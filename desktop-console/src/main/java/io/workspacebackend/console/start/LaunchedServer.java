package io.workspacebackend.console.start;

import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.launcher.LocalBackend;
import java.net.URI;

/**
 * The launcher's {@link LocalBackend} as the start screen uses it; the window owns it once kept.
 */
record LaunchedServer(LocalBackend backend, StartScreen.Owner owner) implements LocalServer {
  @Override
  public URI address() {
    return backend.baseUri();
  }

  @Override
  public Connected createFirstAdmin(String username, String password) {
    WorkspaceClient client = WorkspaceClient.forServer(backend.baseUri());
    return new Connected(client, backend.createFirstAdmin(client, username, password).user());
  }

  @Override
  public void keepRunning() {
    owner.adoptLocalServer(backend);
  }
}
