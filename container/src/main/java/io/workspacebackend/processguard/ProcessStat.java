package io.workspacebackend.processguard;

import java.util.Optional;

/** The fields of {@code /proc/<pid>/stat} the guard needs: the process and its session. */
record ProcessStat(long pid, long session) {

  /**
   * Parses a stat line. The command name (field 2) is in parentheses and may itself hold spaces and
   * parentheses, so the fields are counted from its last closing parenthesis.
   */
  static Optional<ProcessStat> parse(String line) {
    int open = line.indexOf('(');
    int close = line.lastIndexOf(')');
    if (open <= 0 || close < open) {
      return Optional.empty();
    }
    // After the name: state, ppid, pgrp, session, ...
    String[] after = line.substring(close + 1).trim().split(" ");
    if (after.length < 4) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new ProcessStat(
              Long.parseLong(line.substring(0, open).trim()), Long.parseLong(after[3])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
