package io.workspacebackend.config;

import java.util.Optional;
import java.util.function.Function;

/** A value type written as a single TOML value; {@code expected} says what is allowed. */
record ScalarType<T>(String expected, ScalarType.TextParser<T> parser, Function<T, String> writer)
    implements ValueType<T> {

  /** Parses one text; empty means the text is not of the expected form. */
  @FunctionalInterface
  interface TextParser<T> {
    Optional<T> parse(String text, VariableExpander expander) throws InvalidValue;
  }

  @Override
  public T parse(RawValue raw, VariableExpander expander) throws InvalidValue {
    if (raw instanceof RawValue.Text text) {
      Optional<T> value = parser.parse(text.text(), expander);
      if (value.isPresent()) {
        return value.get();
      }
    }
    throw InvalidValue.expected(expected);
  }

  @Override
  public String toToml(T value) {
    return writer.apply(value);
  }
}
