package io.workspacebackend.db;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants as our tables store them: RFC 3339 UTC text to the second. A fixed width makes text
 * order equal time order, so SQL can compare them ({@code expires_at > ?}).
 */
public final class StoredInstant {
  private StoredInstant() {}

  /** {@code instant} to the second, e.g. {@code 2025-01-31T12:00:00Z}. */
  public static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** Reads a stored value; {@code null} stays {@code null}. */
  public static Instant parse(String text) {
    return text == null ? null : Instant.parse(text);
  }
}
