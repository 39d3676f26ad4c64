package io.workspacebackend.testing;

import io.workspacebackend.config.ConfigException;
import io.workspacebackend.config.ConfigLoader;
import io.workspacebackend.config.WorkspaceConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A fake user's home in a temporary directory, with XDG variables pointing into it. */
public record TestHome(Path home, Map<String, String> environment) {
  public static TestHome in(Path directory) {
    Path home = directory.resolve("home");
    Map<String, String> environment = new HashMap<>();
    environment.put("HOME", home.toString());
    environment.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    environment.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
    environment.put("XDG_STATE_HOME", home.resolve(".local/state").toString());
    return new TestHome(home, environment);
  }

  public ConfigLoader loader() {
    return new ConfigLoader(environment, home, "Linux");
  }

  /** The configuration this home yields, with {@code overrides} as command-line flags. */
  public WorkspaceConfig config(Map<String, String> overrides) throws ConfigException {
    return loader().load(Optional.empty(), overrides).config();
  }

  public Path configFile() {
    return home.resolve(".config/workspace-backend/config.toml");
  }

  public Path dataDir() {
    return home.resolve(".local/share/workspace-backend");
  }

  public Path stateDir() {
    return home.resolve(".local/state/workspace-backend");
  }
}
