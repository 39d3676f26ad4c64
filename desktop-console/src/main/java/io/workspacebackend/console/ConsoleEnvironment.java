package io.workspacebackend.console;

import io.workspacebackend.console.connection.RememberedServer;
import io.workspacebackend.console.theme.RememberedTheme;
import io.workspacebackend.console.window.RememberedWindow;
import io.workspacebackend.launcher.Launcher;

/**
 * What the console reads from the machine: the launcher for a local server (the same configuration
 * file, environment and database as {@code workspace-backend serve}), and where the last URL, the
 * window's geometry and the theme are remembered. Tests pass a temporary home.
 */
public record ConsoleEnvironment(
    Launcher launcher,
    RememberedServer rememberedServer,
    RememberedWindow rememberedWindow,
    RememberedTheme rememberedTheme) {

  /** The real user's configuration and preferences. */
  public static ConsoleEnvironment forCurrentUser() {
    return new ConsoleEnvironment(
        Launcher.forCurrentProcess(),
        RememberedServer.forCurrentUser(),
        RememberedWindow.forCurrentUser(),
        RememberedTheme.forCurrentUser());
  }
}
