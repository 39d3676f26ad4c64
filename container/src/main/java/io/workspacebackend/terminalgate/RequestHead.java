package io.workspacebackend.terminalgate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The head of the first HTTP request on a connection: its request line and header lines. */
final class RequestHead {
  /** Larger than any head the backend sends; a client sending more is not one of ours. */
  static final int MAX_BYTES = 16 * 1024;

  private RequestHead() {}

  /** Thrown for a connection that closed or sent no HTTP request head within the limit. */
  static final class Malformed extends IOException {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  /** Reads up to and including the blank line that ends the head; nothing of the body. */
  static byte[] read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream(512);
    int matched = 0; // how much of CR LF CR LF has been seen
    while (head.size() < MAX_BYTES) {
      int next = in.read();
      if (next < 0) {
        throw new Malformed("the connection closed before its request head ended");
      }
      head.write(next);
      matched = next == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (next == '\r' ? 1 : 0);
      if (matched == 4) {
        return head.toByteArray();
      }
    }
    throw new Malformed("request head longer than " + MAX_BYTES + " bytes");
  }

  /** The value of the first header named {@code name} (any case), or null. */
  static String header(byte[] head, String name) {
    String wanted = name.toLowerCase(Locale.ROOT) + ":";
    String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].toLowerCase(Locale.ROOT).startsWith(wanted)) {
        return lines[i].substring(wanted.length()).strip();
      }
    }
    return null;
  }
}
