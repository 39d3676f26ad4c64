package io.workspacebackend.console.dashboard;

import java.util.Locale;

/** How the dashboard writes sizes and CPU shares. */
final class Amounts {
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

  private Amounts() {}

  /** "512 B", "37.5 MiB", "2.0 GiB". */
  static String bytes(long bytes) {
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
  static String percent(double percent) {
    return String.format(Locale.ROOT, "%.1f %%", percent);
  }
}
