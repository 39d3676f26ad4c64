package io.workspacebackend.config;

import java.util.List;

/** Writes configuration as TOML: the commented default file, and an effective configuration. */
public final class ConfigRenderer {
  static final String REDACTED = "<redacted>";

  private static final String HEADER =
      """
      # workspace-backend configuration.
      #
      # Each key is shown with its built-in default, so this file changes nothing until edited.
      # Precedence, lowest first: built-in defaults, this file, environment variables named
      # WORKSPACE_BACKEND__<SECTION>__<KEY> (e.g. WORKSPACE_BACKEND__SERVER__PORT=9000),
      # command-line flags.
      # String and path values may use $VAR or ${VAR} (from the environment; $$ is a literal $)
      # and paths a leading ~ (the home directory). Relative paths are relative to this file.
      # Durations: "500ms", "90s", "10m", "24h", "7d" or ISO-8601 "PT24H".
      # Sizes: "512MB", "2GB" (powers of 1024) or a number of bytes.
      #
      # Keys whose default depends on the machine or on other keys are commented out: written
      # here, one machine's value would be pinned; left out, it is computed at every start.
      """;

  private ConfigRenderer() {}

  /** The commented config.toml with every key at its default, generated from the settings. */
  public static String defaultConfigToml() {
    StringBuilder out = new StringBuilder(HEADER);
    for (Section section : Section.values()) {
      out.append("\n# ").append(section.description()).append('\n');
      out.append('[').append(section.key()).append("]\n");
      for (Setting<?> setting : Settings.in(section)) {
        out.append("\n# ").append(setting.description()).append('\n');
        out.append(defaultLine(setting));
      }
    }
    return out.toString();
  }

  /** {@code config} as TOML that loads back to it, with every key and secrets redacted. */
  public static String toToml(WorkspaceConfig config) {
    return toToml(config, Settings.ALL);
  }

  static String toToml(WorkspaceConfig config, List<Setting<?>> settings) {
    StringBuilder out = new StringBuilder();
    for (Section section : Section.values()) {
      List<Setting<?>> inSection = settings.stream().filter(s -> s.section() == section).toList();
      if (inSection.isEmpty()) {
        continue;
      }
      out.append(out.length() == 0 ? "" : "\n").append('[').append(section.key()).append("]\n");
      for (Setting<?> setting : inSection) {
        String value = setting.secret() ? TomlText.quote(REDACTED) : setting.toToml(config);
        out.append(setting.key()).append(" = ").append(value).append('\n');
      }
    }
    return out.toString();
  }

  private static <T> String defaultLine(Setting<T> setting) {
    if (setting.defaultValue() instanceof DefaultValue.Fixed<T> fixed) {
      return setting.key() + " = " + setting.type().toToml(fixed.value()) + "\n";
    }
    DefaultValue.Derived<T> derived = (DefaultValue.Derived<T>) setting.defaultValue();
    return "# Default: "
        + derived.rule()
        + ".\n# "
        + setting.key()
        + " = "
        + TomlText.quote(derived.example())
        + "\n";
  }
}
