package io.workspacebackend.model.user;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How people write quota amounts, for the CLI, the console and error messages: sizes such as {@code
 * 4g}, {@code 512MiB}, {@code 1.5GB} or a number of bytes (k, m, g and t are powers of 1024, with
 * or without {@code B} or {@code iB}, as in the server's configuration), and CPU counts such as
 * {@code 2} or {@code 0.5}.
 */
public final class QuotaText {
  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:([kmgt])(?:i?b)?|b)?", Pattern.CASE_INSENSITIVE);
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

  private QuotaText() {}

  /** The number of bytes {@code text} names, rounded to a whole byte; empty if it names none. */
  public static Optional<Long> parseBytes(String text) {
    Matcher matcher = SIZE.matcher(text.strip());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String unit = matcher.group(2);
    int power = unit == null ? 0 : "kmgt".indexOf(unit.toLowerCase(Locale.ROOT)) + 1;
    BigDecimal bytes =
        new BigDecimal(matcher.group(1))
            .multiply(BigDecimal.valueOf(1024).pow(power))
            .setScale(0, RoundingMode.HALF_UP);
    try {
      return Optional.of(bytes.longValueExact());
    } catch (ArithmeticException tooLarge) {
      return Optional.empty();
    }
  }

  /** A number of sessions, 0 or more; empty otherwise. */
  public static Optional<Integer> parseSessions(String text) {
    try {
      int sessions = Integer.parseInt(text.strip());
      return sessions >= 0 ? Optional.of(sessions) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A CPU count greater than 0, such as {@code 2} or {@code 0.5}; empty otherwise. */
  public static Optional<Double> parseCpus(String text) {
    try {
      // BigDecimal, unlike Double.parseDouble, rejects "NaN", "Infinity" and "2d".
      double cpus = new BigDecimal(text.strip()).doubleValue();
      return cpus > 0 && Double.isFinite(cpus) ? Optional.of(cpus) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** "6 GiB", "1.5 GiB", "512 MiB", "100 B": the largest unit, at most two decimals. */
  public static String bytes(long bytes) {
    int unit = 0;
    BigDecimal value = BigDecimal.valueOf(bytes);
    BigDecimal step = BigDecimal.valueOf(1024);
    while (unit < UNITS.length - 1 && value.compareTo(step) >= 0) {
      value = value.divide(step);
      unit++;
    }
    return plain(value, 2) + " " + UNITS[unit];
  }

  /** "2", "1.5", "0.25": as few digits as say the number (to three decimals). */
  public static String cpus(double cpus) {
    return plain(BigDecimal.valueOf(cpus), 3);
  }

  private static String plain(BigDecimal value, int decimals) {
    return value.setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
