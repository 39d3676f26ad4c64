package io.workspacebackend.console.start;

import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.console.ConsoleEnvironment;
import io.workspacebackend.launcher.LaunchException;
import io.workspacebackend.launcher.LocalBackend;
import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;

/** The start screen's calls as the console makes them: the launcher, the disk, the HTTP client. */
final class LauncherCalls implements StartScreenCalls {
  private final ConsoleEnvironment environment;
  private final StartScreen.Owner owner;

  LauncherCalls(ConsoleEnvironment environment, StartScreen.Owner owner) {
    this.environment = environment;
    this.owner = owner;
  }

  @Override
  public Optional<URI> rememberedUrl() {
    return environment.rememberedServer().lastUrl();
  }

  @Override
  public void remember(URI server) {
    environment.rememberedServer().remember(server);
  }

  @Override
  public Connected signIn(URI server, String username, String password) {
    WorkspaceClient client = WorkspaceClient.forServer(server);
    return new Connected(client, client.login(username, password).user());
  }

  @Override
  public Started startLocal() throws LaunchException {
    LocalBackend server = environment.launcher().start();
    boolean fresh;
    try {
      fresh = server.firstAdminNeeded();
    } catch (RuntimeException e) {
      // Nobody would own it, so nothing would stop it.
      server.close();
      throw e;
    }
    return new Started(new LaunchedServer(server, owner), fresh);
  }

  @Override
  public String buildSessionImage(Consumer<String> progress)
      throws LaunchException, InterruptedException {
    return environment.launcher().buildSessionImage(progress);
  }
}
