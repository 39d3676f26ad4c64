package io.workspacebackend.console;

import io.workspacebackend.config.ConfigLoader;
import io.workspacebackend.console.connection.RememberedServer;
import io.workspacebackend.console.theme.RememberedTheme;
import io.workspacebackend.console.window.RememberedWindow;
import java.util.Map;

/**
 * What the console reads from the machine: how to resolve the backend's configuration (the same
 * file, environment and database as {@code workspace-backend serve}), setting overrides for a local
 * server, and where the last URL, the window's geometry and the theme are remembered. Tests pass a
 * temporary home.
 */
public record ConsoleEnvironment(
    ConfigLoader configLoader,
    Map<String, String> overrides,
    RememberedServer rememberedServer,
    RememberedWindow rememberedWindow,
    RememberedTheme rememberedTheme) {

  public ConsoleEnvironment {
    overrides = Map.copyOf(overrides);
  }

  /** The real user's configuration and preferences. */
  public static ConsoleEnvironment forCurrentUser() {
    return new ConsoleEnvironment(
        ConfigLoader.forCurrentProcess(),
        Map.of(),
        RememberedServer.forCurrentUser(),
        RememberedWindow.forCurrentUser(),
        RememberedTheme.forCurrentUser());
  }
}
