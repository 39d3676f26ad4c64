package io.workspacebackend.config;

import java.util.Locale;
import java.util.function.Function;

/**
 * One configuration key: where it lives, what it means, how its value is parsed, its default and
 * where to find it in a {@link WorkspaceConfig}. A secret setting's value is never rendered.
 */
record Setting<T>(
    Section section,
    String key,
    String description,
    ValueType<T> type,
    DefaultValue<T> defaultValue,
    Function<WorkspaceConfig, T> read,
    boolean secret) {

  static final String ENVIRONMENT_PREFIX = "WORKSPACE_BACKEND__";

  static <T> Setting<T> of(
      Section section,
      String key,
      String description,
      ValueType<T> type,
      DefaultValue<T> defaultValue,
      Function<WorkspaceConfig, T> read) {
    return new Setting<>(section, key, description, type, defaultValue, read, false);
  }

  Setting<T> asSecret() {
    return new Setting<>(section, key, description, type, defaultValue, read, true);
  }

  /** The name used in messages and command-line overrides, e.g. {@code server.port}. */
  String name() {
    return section.key() + "." + key;
  }

  /** E.g. {@code WORKSPACE_BACKEND__SERVER__PORT}. */
  String environmentVariable() {
    return ENVIRONMENT_PREFIX
        + section.key().toUpperCase(Locale.ROOT)
        + "__"
        + key.toUpperCase(Locale.ROOT);
  }

  /** This setting's value in {@code config}, as a TOML literal. */
  String toToml(WorkspaceConfig config) {
    return type.toToml(read.apply(config));
  }
}
