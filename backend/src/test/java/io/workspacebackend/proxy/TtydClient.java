package io.workspacebackend.proxy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Speaks ttyd's protocol over the proxy, as ttyd's page does: init, keys, resize, output. */
public final class TtydClient implements WebSocket.Listener, AutoCloseable {
  private final StringBuilder output = new StringBuilder();
  private final CompletableFuture<String> closed = new CompletableFuture<>();
  private volatile long closedAtNanos;
  private final WebSocket socket;
  private boolean continuing;

  public TtydClient(URI uri, Map<String, String> headers) {
    WebSocket.Builder builder =
        HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("tty");
    headers.forEach(builder::header);
    socket = builder.buildAsync(uri, this).join();
  }

  String subprotocol() {
    return socket.getSubprotocol();
  }

  /** ttyd's init message with an empty token: the proxy puts the real one in. */
  public void init(int columns, int rows) {
    send("{\"AuthToken\":\"\",\"columns\":" + columns + ",\"rows\":" + rows + "}");
  }

  public void type(String keys) {
    send("0" + keys);
  }

  void resize(int columns, int rows) {
    send("1{\"columns\":" + columns + ",\"rows\":" + rows + "}");
  }

  /**
   * Types unless this client has already closed its side (after the server's close frame it answers
   * with its own and sends nothing more); says whether the keys were sent.
   */
  boolean typeUnlessClosed(String keys) {
    try {
      type(keys);
      return true;
    } catch (CompletionException e) {
      return false;
    }
  }

  /** Waits for the server to close the socket: {@code "code reason"}. */
  String awaitClosed(long seconds) throws Exception {
    return closed.get(seconds, TimeUnit.SECONDS);
  }

  /** {@link System#nanoTime()} when the close arrived. */
  long closedAtNanos() {
    return closedAtNanos;
  }

  private void send(String message) {
    socket.sendBinary(ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8)), true).join();
  }

  /** Waits until the terminal's output matches {@code pattern} (a multi-line regex). */
  public void awaitOutput(String pattern, long seconds) throws InterruptedException {
    Pattern compiled = Pattern.compile(pattern, Pattern.MULTILINE);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      synchronized (output) {
        if (compiled.matcher(output).find()) {
          return;
        }
      }
      if (closed.isDone()) {
        throw new AssertionError("socket closed: " + closed.join() + "; output: " + text());
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "no output matching " + pattern + " within " + seconds + " s: " + text());
  }

  /** Everything the terminal printed so far. */
  public String text() {
    synchronized (output) {
      return output.toString();
    }
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(Long.MAX_VALUE);
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    // ttyd's server frames: '0' + output, '1' title, '2' preferences; frames may split UTF-8,
    // which only matters for non-ASCII output these tests do not look for.
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    synchronized (output) {
      if (continuing) {
        output.append(new String(bytes, StandardCharsets.UTF_8));
      } else if (bytes.length > 0 && bytes[0] == '0') {
        output.append(new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8));
      }
    }
    continuing = !last && (continuing || (bytes.length > 0 && bytes[0] == '0'));
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closedAtNanos = System.nanoTime();
    closed.complete(statusCode + " " + reason);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete("error " + error);
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }
  }
}
