package io.workspacebackend.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The one home directory the configuration knows: {@code $HOME} from the environment, as a shell
 * has it, else (unset or empty, as on Windows) the account's home. A leading {@code ~}, {@code
 * $HOME} and the XDG fallbacks ({@code ~/.config}…) all mean this directory, so they never disagree
 * when a service manager or {@code sudo} sets {@code HOME} to something other than the account's.
 */
final class HomeDirectory {
  private HomeDirectory() {}

  static Path of(Map<String, String> environment, Path accountHome) {
    String home = environment.get("HOME");
    return home == null || home.isEmpty() ? accountHome : Path.of(home);
  }

  /** The environment with {@code HOME} set to {@code home}, so {@code $HOME} always expands. */
  static Map<String, String> withHome(Map<String, String> environment, Path home) {
    Map<String, String> copy = new HashMap<>(environment);
    copy.put("HOME", home.toString());
    return copy;
  }
}
