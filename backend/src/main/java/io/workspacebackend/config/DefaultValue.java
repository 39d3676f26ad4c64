package io.workspacebackend.config;

import java.util.function.Function;

/** A setting's built-in default: a fixed value, or one derived from the platform or other keys. */
sealed interface DefaultValue<T> {

  static <T> DefaultValue<T> fixed(T value) {
    return new Fixed<>(value);
  }

  /**
   * @param rule how the value is derived, for the generated config file
   * @param example a typical value, written there as a commented-out line
   */
  static <T> DefaultValue<T> derived(
      String rule, String example, Function<SettingValues, T> compute) {
    return new Derived<>(rule, example, compute);
  }

  T valueFor(SettingValues values);

  /** The same value on every machine. */
  record Fixed<T>(T value) implements DefaultValue<T> {
    @Override
    public T valueFor(SettingValues values) {
      return value;
    }
  }

  /** A value computed when loading, after all sources are read. */
  record Derived<T>(String rule, String example, Function<SettingValues, T> compute)
      implements DefaultValue<T> {
    @Override
    public T valueFor(SettingValues values) {
      return compute.apply(values);
    }
  }
}
