package io.workspacebackend.console.terminal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * ttyd's WebSocket protocol (subprotocol {@code tty}). The client opens with a JSON init naming the
 * terminal size (the backend's proxy fills in the session's {@code AuthToken}); after that every
 * message starts with a command byte: the client sends input and resizes, the server sends output,
 * the window title and preferences.
 */
final class TtydProtocol {
  static final byte INPUT = '0';
  static final byte RESIZE = '1';
  static final byte OUTPUT = '0';
  static final byte SET_WINDOW_TITLE = '1';
  static final byte SET_PREFERENCES = '2';

  private TtydProtocol() {}

  static String init(int columns, int rows) {
    return String.format(
        Locale.ROOT, "{\"AuthToken\":\"\",\"columns\":%d,\"rows\":%d}", columns, rows);
  }

  static ByteBuffer input(String typed) {
    byte[] text = typed.getBytes(StandardCharsets.UTF_8);
    ByteBuffer message = ByteBuffer.allocate(text.length + 1);
    message.put(INPUT).put(text).flip();
    return message;
  }

  static ByteBuffer resize(int columns, int rows) {
    byte[] json =
        String.format(Locale.ROOT, "{\"columns\":%d,\"rows\":%d}", columns, rows)
            .getBytes(StandardCharsets.UTF_8);
    ByteBuffer message = ByteBuffer.allocate(json.length + 1);
    message.put(RESIZE).put(json).flip();
    return message;
  }

  /** The command byte of a whole message from ttyd (0 for an empty message). */
  static byte command(byte[] message) {
    return message.length == 0 ? 0 : message[0];
  }

  /** What follows the command byte. */
  static byte[] payload(byte[] message) {
    return message.length == 0 ? message : Arrays.copyOfRange(message, 1, message.length);
  }
}
