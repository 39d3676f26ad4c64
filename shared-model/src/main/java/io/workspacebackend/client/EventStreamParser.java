package io.workspacebackend.client;

import java.util.function.BiConsumer;

/**
 * Reads {@code text/event-stream} line by line (the WHATWG rules that matter here): {@code event}
 * and {@code data} fields, several {@code data} lines joined with newlines, comments ignored, and
 * an event dispatched at the blank line that ends it.
 */
final class EventStreamParser {
  private final BiConsumer<String, String> onEvent;
  private final StringBuilder data = new StringBuilder();
  private String event = "";
  private boolean hasData;

  /** {@code onEvent} receives each event's name ({@code message} if unnamed) and data. */
  EventStreamParser(BiConsumer<String, String> onEvent) {
    this.onEvent = onEvent;
  }

  /** Feeds one line, without its line ending. */
  void line(String line) {
    if (line.isEmpty()) {
      dispatch();
      return;
    }
    if (line.startsWith(":")) {
      return;
    }
    int colon = line.indexOf(':');
    String field = colon < 0 ? line : line.substring(0, colon);
    String value = colon < 0 ? "" : line.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    if (field.equals("event")) {
      event = value;
    } else if (field.equals("data")) {
      if (hasData) {
        data.append('\n');
      }
      data.append(value);
      hasData = true;
    }
  }

  private void dispatch() {
    if (hasData) {
      onEvent.accept(event.isEmpty() ? "message" : event, data.toString());
    }
    data.setLength(0);
    event = "";
    hasData = false;
  }
}
