package io.workspacebackend.console.platform;

import java.util.Locale;

/**
 * The desktop family the console runs on, for what differs between them: the menu bar, terminal
 * shortcuts and where settings live. Taken from an {@code os.name} value, so tests can ask for
 * each.
 */
public enum DesktopOs {
  MAC,
  WINDOWS,
  /** Linux and the other Unix desktops, which follow the freedesktop.org conventions. */
  LINUX;

  /** The family of an {@code os.name} value such as "Mac OS X", "Windows 11" or "Linux". */
  public static DesktopOs of(String osName) {
    String name = osName.toLowerCase(Locale.ROOT);
    if (name.startsWith("mac") || name.startsWith("darwin")) {
      return MAC;
    }
    if (name.startsWith("windows")) {
      return WINDOWS;
    }
    return LINUX;
  }

  public static DesktopOs current() {
    return of(System.getProperty("os.name", ""));
  }
}
