package io.workspacebackend.config;

/** How one kind of setting value is parsed from any source and written back as TOML. */
interface ValueType<T> {
  /** Parses a raw value; string and path types expand variables with {@code expander}. */
  T parse(RawValue raw, VariableExpander expander) throws InvalidValue;

  /** The value as a TOML literal that {@link #parse} reads back to the same value. */
  String toToml(T value);
}
