package io.workspacebackend.console.ui;

import java.time.Duration;
import java.util.Locale;

/** How the console writes durations, sizes and CPU shares, in every view alike. */
public final class Formats {
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

  private Formats() {}

  /** "2h 05m", "4m 09s", "12s". */
  public static String duration(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    if (seconds >= 86_400) {
      return String.format(Locale.ROOT, "%dd %02dh", seconds / 86_400, seconds % 86_400 / 3600);
    }
    if (seconds >= 3600) {
      return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
    }
    if (seconds >= 60) {
      return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
    }
    return seconds + "s";
  }

  /** "512 KiB", "37.5 MiB", "2.0 GiB". */
  public static String bytes(long bytes) {
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0
        ? bytes + " B"
        : String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : "%.1f %s", value, UNITS[unit]);
  }

  /** "12.5 %": of one CPU, so it may pass 100. */
  public static String percent(double percent) {
    return String.format(Locale.ROOT, "%.1f %%", percent);
  }
}
