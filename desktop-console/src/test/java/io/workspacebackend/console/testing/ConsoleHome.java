package io.workspacebackend.console.testing;

import io.workspacebackend.console.ConsoleEnvironment;
import io.workspacebackend.console.connection.RememberedServer;
import io.workspacebackend.console.theme.RememberedTheme;
import io.workspacebackend.console.window.RememberedWindow;
import io.workspacebackend.launcher.Launcher;
import io.workspacebackend.testing.TestHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.springframework.util.FileSystemUtils;

/**
 * A console user's machine in a temporary directory: its own config, data and settings, and a local
 * server on a free port using the Docker engine (where the session image is).
 */
public final class ConsoleHome implements AutoCloseable {
  private final Path directory;
  private final Preferences preferences;
  private final ConsoleEnvironment environment;

  private ConsoleHome(Path directory, Map<String, String> overrides) {
    this.directory = directory;
    this.preferences =
        Preferences.userRoot().node("/io/workspacebackend/console-test/" + UUID.randomUUID());
    Map<String, String> settings = new HashMap<>();
    settings.put("server.port", "0");
    settings.put("container.runtime", "docker");
    settings.put("sessions.startup_timeout", "180s");
    settings.putAll(overrides);
    TestHome testHome = TestHome.in(directory);
    this.environment =
        new ConsoleEnvironment(
            Launcher.forEnvironment(testHome.environment(), testHome.home(), "Linux", settings),
            new RememberedServer(directory.resolve("settings/console.properties"), preferences),
            new RememberedWindow(directory.resolve("settings/window.properties")),
            new RememberedTheme(directory.resolve("settings/theme.properties")));
  }

  public static ConsoleHome create(Map<String, String> overrides) throws IOException {
    return new ConsoleHome(Files.createTempDirectory("console-test"), overrides);
  }

  public ConsoleEnvironment environment() {
    return environment;
  }

  @Override
  public void close() throws IOException, BackingStoreException {
    preferences.removeNode();
    FileSystemUtils.deleteRecursively(directory);
  }
}
