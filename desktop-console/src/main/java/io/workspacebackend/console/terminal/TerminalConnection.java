package io.workspacebackend.console.terminal;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The WebSocket to a session's terminal through the backend's proxy, held by Java because WebView's
 * own WebSocket does not work. Messages are reassembled (the JDK hands over frames in parts) and
 * passed on whole. The token goes in the {@code Authorization} header, never in a URL.
 */
final class TerminalConnection {
  /** What the connection reports; called on the WebSocket's threads. */
  interface Listener {
    void opened();

    void output(byte[] bytes);

    void title(String title);

    /** The connection ended, and why. */
    void closed(TerminalEnd end);
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final Listener listener;
  private volatile boolean closedByUs;

  /**
   * The last send in flight: the JDK's WebSocket refuses a send while one is pending, so every send
   * is chained after the one before (starting with the connection and its init message).
   */
  private CompletableFuture<WebSocket> sends;

  TerminalConnection(Listener listener) {
    this.listener = listener;
  }

  /** Connects and sends ttyd's init message with the terminal's size. */
  void open(URI uri, String token, int columns, int rows) {
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().subprotocols("tty");
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    synchronized (this) {
      sends =
          builder
              .buildAsync(uri, new Frames())
              .thenCompose(ws -> ws.sendText(TtydProtocol.init(columns, rows), true))
              .whenComplete(
                  (ws, failure) -> {
                    if (failure == null) {
                      listener.opened();
                    } else if (!closedByUs) {
                      listener.closed(describe(failure));
                    }
                  });
    }
  }

  void send(String input) {
    enqueue(ws -> ws.sendBinary(TtydProtocol.input(input), true));
  }

  void resize(int columns, int rows) {
    enqueue(ws -> ws.sendBinary(TtydProtocol.resize(columns, rows), true));
  }

  /** Closes with a normal close code; no {@code closed} report follows. */
  void close() {
    closedByUs = true;
    enqueue(
        ws ->
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "terminal closed")
                .whenComplete((closed, failure) -> ws.abort()));
  }

  private synchronized void enqueue(Function<WebSocket, CompletableFuture<WebSocket>> send) {
    if (sends != null) {
      // A failed send means a dead connection; onError/onClose report it, so later sends skip.
      sends = sends.thenCompose(send);
    }
  }

  private static TerminalEnd describe(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof WebSocketHandshakeException handshake) {
      return TerminalEnd.refused(handshake.getResponse().statusCode());
    }
    String message = cause.getMessage();
    return TerminalEnd.dropped(message == null ? cause.getClass().getSimpleName() : message);
  }

  private final class Frames implements WebSocket.Listener {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
      byte[] part = new byte[data.remaining()];
      data.get(part);
      collect(part, last);
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      collect(data.toString().getBytes(StandardCharsets.UTF_8), last);
      ws.request(1);
      return null;
    }

    private void collect(byte[] part, boolean last) {
      pending.writeBytes(part);
      if (!last) {
        return;
      }
      byte[] message = pending.toByteArray();
      pending.reset();
      byte command = TtydProtocol.command(message);
      if (command == TtydProtocol.OUTPUT) {
        listener.output(TtydProtocol.payload(message));
      } else if (command == TtydProtocol.SET_WINDOW_TITLE) {
        listener.title(new String(TtydProtocol.payload(message), StandardCharsets.UTF_8));
      }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      if (!closedByUs) {
        listener.closed(TerminalEnd.closed(statusCode, reason));
      }
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      if (!closedByUs) {
        listener.closed(describe(error));
      }
    }
  }
}
