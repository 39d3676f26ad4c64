package io.workspacebackend.fileserver;

import io.workspacebackend.model.files.EntryType;
import io.workspacebackend.model.files.FileEntry;
import io.workspacebackend.model.files.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the file server's two JSON shapes, entries and problems, exactly as Jackson writes the
 * shared-model records. Loading Jackson would cost the server about a third of its memory (some 15
 * MiB of classes for two small shapes), and this container's budget is tight; a test holds both
 * writers to the same output.
 */
final class JsonWriter {

  private JsonWriter() {}

  static byte[] entry(FileEntry entry) {
    var out = new StringBuilder(256);
    write(out, entry);
    return bytes(out);
  }

  static byte[] entries(List<FileEntry> entries) {
    var out = new StringBuilder(256);
    writeArray(out, entries);
    return bytes(out);
  }

  static byte[] problem(Problem problem) {
    var out = new StringBuilder(128);
    out.append("{\"type\":");
    string(out, problem.type());
    out.append(",\"title\":");
    string(out, problem.title());
    out.append(",\"status\":").append(problem.status()).append(",\"detail\":");
    string(out, problem.detail());
    return bytes(out.append('}'));
  }

  private static void write(StringBuilder out, FileEntry entry) {
    out.append("{\"name\":");
    string(out, entry.name());
    out.append(",\"path\":");
    string(out, entry.path());
    out.append(",\"type\":\"").append(entry.type() == EntryType.DIR ? "dir" : "file");
    out.append("\",\"size\":").append(entry.size()).append(",\"modified\":");
    // Instant.toString is ISO-8601 in UTC, as Jackson writes it: an RFC 3339 timestamp.
    string(out, entry.modified().toString());
    if (entry.children() != null) {
      out.append(",\"children\":");
      writeArray(out, entry.children());
    }
    out.append('}');
  }

  private static void writeArray(StringBuilder out, List<FileEntry> entries) {
    out.append('[');
    for (int i = 0; i < entries.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      write(out, entries.get(i));
    }
    out.append(']');
  }

  /** A JSON string (RFC 8259): quotes, backslashes and control characters escaped. */
  private static void string(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static byte[] bytes(StringBuilder out) {
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
