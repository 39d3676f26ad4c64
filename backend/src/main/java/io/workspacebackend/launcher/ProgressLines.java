package io.workspacebackend.launcher;

import java.io.Writer;
import java.util.function.Consumer;

/** Splits written text into lines for a listener, so a build's output reaches it line by line. */
final class ProgressLines extends Writer {
  private final Consumer<String> lines;
  private final StringBuilder pending = new StringBuilder();

  ProgressLines(Consumer<String> lines) {
    this.lines = lines;
  }

  @Override
  public synchronized void write(char[] buffer, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      char c = buffer[i];
      if (c == '\n') {
        lines.accept(pending.toString());
        pending.setLength(0);
      } else if (c != '\r') {
        pending.append(c);
      }
    }
  }

  @Override
  public synchronized void flush() {}

  @Override
  public synchronized void close() {
    if (pending.length() > 0) {
      lines.accept(pending.toString());
      pending.setLength(0);
    }
  }
}
