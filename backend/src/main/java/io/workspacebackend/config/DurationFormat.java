package io.workspacebackend.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations written as "500ms", "90s", "10m", "24h", "7d" (or combined, "1h30m") or in
 * ISO-8601 ("PT24H"), and writes them back in the short form.
 */
public final class DurationFormat {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private DurationFormat() {}

  public static Optional<Duration> parse(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (value.startsWith("p") || value.startsWith("-p")) {
        return Optional.of(Duration.parse(value.toUpperCase(Locale.ROOT)));
      }
      Matcher part = PART.matcher(value);
      Duration total = Duration.ZERO;
      int position = 0;
      while (position < value.length()) {
        part.region(position, value.length());
        if (!part.lookingAt()) {
          return Optional.empty();
        }
        total = total.plus(unit(part.group(2)).multipliedBy(Long.parseLong(part.group(1))));
        position = part.end();
      }
      return position == 0 ? Optional.empty() : Optional.of(total);
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  public static String format(Duration duration) {
    if (duration.isNegative() || duration.getNano() % 1_000_000 != 0) {
      return duration.toString();
    }
    if (duration.getNano() != 0) {
      try {
        return duration.toMillis() + "ms";
      } catch (ArithmeticException e) {
        return duration.toString();
      }
    }
    long seconds = duration.getSeconds();
    // The largest unit with a whole count of at least two: "60s" and "24h" read better than
    // "1m" and "1d".
    if (seconds >= 2 * 86_400 && seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    } else if (seconds >= 2 * 3600 && seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    } else if (seconds >= 2 * 60 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }

  private static Duration unit(String suffix) {
    return switch (suffix) {
      case "ms" -> Duration.ofMillis(1);
      case "s" -> Duration.ofSeconds(1);
      case "m" -> Duration.ofMinutes(1);
      case "h" -> Duration.ofHours(1);
      default -> Duration.ofDays(1);
    };
  }
}
