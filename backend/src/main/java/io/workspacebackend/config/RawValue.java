package io.workspacebackend.config;

import static java.util.stream.Collectors.joining;

import java.util.List;

/** One setting's value as a source wrote it, before parsing: a text or a TOML array of texts. */
sealed interface RawValue {
  Origin origin();

  /** The value as written, for error messages. */
  String display();

  /** A single value; {@code quoted} says whether it was a string (numbers and booleans are not). */
  record Text(String text, boolean quoted, Origin origin) implements RawValue {
    @Override
    public String display() {
      return quoted ? TomlText.quote(text) : text;
    }
  }

  /** A TOML array. */
  record Items(List<String> items, Origin origin) implements RawValue {
    public Items {
      items = List.copyOf(items);
    }

    @Override
    public String display() {
      return items.stream().map(TomlText::quote).collect(joining(", ", "[", "]"));
    }
  }
}
