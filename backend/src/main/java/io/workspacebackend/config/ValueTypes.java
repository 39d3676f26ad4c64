package io.workspacebackend.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.util.unit.DataSize;

/** The value types settings use, each with the allowed values named for error messages. */
final class ValueTypes {
  private ValueTypes() {}

  static ValueType<Integer> integer(int min, int max) {
    String expected =
        max == Integer.MAX_VALUE
            ? "an integer of at least " + min
            : "an integer from " + min + " to " + max;
    return new ScalarType<>(
        expected,
        (text, expander) -> {
          try {
            int value = Integer.parseInt(text.trim());
            return Optional.of(value).filter(v -> v >= min && v <= max);
          } catch (NumberFormatException e) {
            return Optional.empty();
          }
        },
        String::valueOf);
  }

  static ValueType<Double> positiveDecimal() {
    return new ScalarType<>(
        "a number greater than 0", (text, expander) -> positiveDecimal(text), String::valueOf);
  }

  /** A number greater than 0, or unset, written as "". */
  static ValueType<Optional<Double>> optionalPositiveDecimal() {
    return new ScalarType<>(
        "a number greater than 0, or \"\" for none",
        (text, expander) -> optional(text, positiveDecimal(text)),
        value -> value.map(String::valueOf).orElse("\"\""));
  }

  private static Optional<Double> positiveDecimal(String text) {
    try {
      // BigDecimal, unlike Double.parseDouble, rejects "NaN", "Infinity" and "2d".
      double value = new BigDecimal(text.trim()).doubleValue();
      return Optional.of(value).filter(v -> v > 0 && Double.isFinite(v));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static ValueType<String> text() {
    return new ScalarType<>(
        "a non-empty string",
        (text, expander) -> Optional.of(expander.text(text)).filter(v -> !v.isBlank()),
        TomlText::quote);
  }

  /** A string that may be unset, written as "". */
  static ValueType<Optional<String>> optionalText() {
    return new ScalarType<>(
        "a string",
        (text, expander) -> Optional.of(Optional.of(expander.text(text)).filter(v -> !v.isEmpty())),
        value -> TomlText.quote(value.orElse("")));
  }

  static ValueType<Path> path() {
    return new ScalarType<>(
        "a non-empty path", (text, expander) -> expander.path(text), ValueTypes::quotePath);
  }

  /** A path that may be unset, written as "". */
  static ValueType<Optional<Path>> optionalPath() {
    return new ScalarType<>(
        "a path",
        (text, expander) -> Optional.of(expander.path(text)),
        value -> value.map(ValueTypes::quotePath).orElse("\"\""));
  }

  /** One of an enum's constants, written in lower case. */
  static <E extends Enum<E>> ValueType<E> oneOf(Class<E> type) {
    List<E> constants = Arrays.asList(type.getEnumConstants());
    String names = constants.stream().map(ValueTypes::lowerName).collect(Collectors.joining(", "));
    return new ScalarType<>(
        "one of " + names,
        (text, expander) -> {
          String wanted = text.trim().toLowerCase(Locale.ROOT);
          return constants.stream().filter(c -> lowerName(c).equals(wanted)).findFirst();
        },
        value -> TomlText.quote(lowerName(value)));
  }

  static ValueType<Duration> duration(boolean zeroAllowed) {
    String examples = "like \"90s\", \"10m\", \"24h\", \"7d\", \"500ms\" or \"PT24H\"";
    return new ScalarType<>(
        (zeroAllowed ? "a duration " : "a positive duration ") + examples,
        (text, expander) ->
            DurationFormat.parse(text).filter(d -> !d.isNegative() && (zeroAllowed || !d.isZero())),
        value -> TomlText.quote(DurationFormat.format(value)));
  }

  static ValueType<DataSize> dataSize() {
    return new ScalarType<>(
        "a size like \"512MB\", \"2GB\" or a number of bytes, greater than 0",
        (text, expander) -> DataSizeFormat.parse(text).filter(size -> size.toBytes() > 0),
        value -> TomlText.quote(DataSizeFormat.format(value)));
  }

  /** A size greater than 0, or unset, written as "". */
  static ValueType<Optional<DataSize>> optionalDataSize() {
    return new ScalarType<>(
        "a size like \"512MB\", \"8GB\" or a number of bytes, greater than 0, or \"\" for none",
        (text, expander) ->
            optional(text, DataSizeFormat.parse(text).filter(size -> size.toBytes() > 0)),
        value -> TomlText.quote(value.map(DataSizeFormat::format).orElse("")));
  }

  /** A DNS name such as "ws.example.com" or "localhost", lower-cased; empty means not set. */
  static ValueType<Optional<String>> optionalDomainName() {
    return new ScalarType<>(
        "a domain name like \"ws.example.com\" (no scheme, port or path), or \"\"",
        (text, expander) -> {
          String name = expander.text(text).strip().toLowerCase(Locale.ROOT);
          if (name.isEmpty()) {
            return Optional.of(Optional.empty());
          }
          return DomainName.isValid(name) ? Optional.of(Optional.of(name)) : Optional.empty();
        },
        value -> TomlText.quote(value.orElse("")));
  }

  static ValueType<List<String>> origins() {
    return new OriginListType();
  }

  /**
   * A setting that may be unset: "" is unset (present, holding nothing), any other text must be
   * valid ({@code parsed} present).
   */
  private static <T> Optional<Optional<T>> optional(String text, Optional<T> parsed) {
    if (text.isBlank()) {
      return Optional.of(Optional.empty());
    }
    return parsed.isPresent() ? Optional.of(parsed) : Optional.empty();
  }

  private static String quotePath(Path path) {
    return TomlText.quote(path.toString());
  }

  private static String lowerName(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }
}
