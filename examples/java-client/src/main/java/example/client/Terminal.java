package example.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * A session's terminal over its WebSocket, speaking ttyd's protocol: a JSON init message, then
 * frames of {@code '0' + keys}; the terminal answers with {@code '0' + output} frames (others carry
 * its title and preferences).
 */
final class Terminal implements WebSocket.Listener, AutoCloseable {
  private static final Duration ANSWER = Duration.ofSeconds(30);

  /** What the shell sends for the screen, not the reader: bracketed paste mode, colours. */
  private static final Pattern CONTROL_SEQUENCE = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");

  private final StringBuilder output = new StringBuilder();
  private WebSocket socket;
  private boolean frameStarts = true;
  private boolean isOutput;

  private Terminal() {}

  /**
   * Opens the terminal at {@code uri} ({@code WorkspaceClient.terminalUri}) as the token's user.
   */
  static Terminal open(URI uri, String token) {
    Terminal terminal = new Terminal();
    terminal.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .header("Authorization", "Bearer " + token)
            .subprotocols("tty")
            .buildAsync(uri, terminal)
            .join();
    // ttyd wants its credential in this message; the backend puts it in, so the client sends "".
    terminal.send("{\"AuthToken\":\"\",\"columns\":100,\"rows\":30}");
    return terminal;
  }

  /** Types {@code command} and Enter; returns the output line containing {@code expected}. */
  String run(String command, String expected) throws InterruptedException {
    int from;
    synchronized (output) {
      from = output.length();
    }
    send("0" + command + "\r");
    long deadline = System.nanoTime() + ANSWER.toNanos();
    synchronized (output) {
      while (true) {
        // The echo of what was typed shows the command, not its answer.
        int found = output.indexOf(expected, from);
        if (found >= 0) {
          int start =
              Math.max(output.lastIndexOf("\n", found), output.lastIndexOf("\r", found)) + 1;
          int end = output.indexOf("\r", found);
          String line = output.substring(Math.max(start, from), end < 0 ? output.length() : end);
          return CONTROL_SEQUENCE.matcher(line).replaceAll("");
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException("the terminal did not answer: " + output.substring(from));
        }
        output.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  private void send(String message) {
    socket.sendBinary(ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8)), true).join();
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    // A frame may arrive in parts; only its first part starts with the type byte.
    int skip = 0;
    if (frameStarts) {
      isOutput = bytes.length > 0 && bytes[0] == '0';
      skip = 1;
    }
    if (isOutput) {
      synchronized (output) {
        output.append(new String(bytes, skip, bytes.length - skip, StandardCharsets.UTF_8));
        output.notifyAll();
      }
    }
    frameStarts = last;
    webSocket.request(1);
    return null;
  }

  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
  }
}
