package io.workspacebackend.console.ui;

import java.util.List;

/**
 * Cuts text received for a log pane into the rows it shows. A line that still ends in its line
 * break (as the server's {@code text/plain} logs send each line) is one row, not a row and a blank
 * one; text holding several lines is several rows.
 */
public final class LogLines {
  private LogLines() {}

  /** The rows {@code text} shows as: its lines, without their line breaks. */
  public static List<String> of(String text) {
    return List.of(withoutFinalBreak(text).split("\r\n|\n|\r", -1));
  }

  private static String withoutFinalBreak(String text) {
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    if (text.endsWith("\n") || text.endsWith("\r")) {
      return text.substring(0, text.length() - 1);
    }
    return text;
  }
}
