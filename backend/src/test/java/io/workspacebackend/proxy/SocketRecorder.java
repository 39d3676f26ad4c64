package io.workspacebackend.proxy;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A java.net.http WebSocket listener that records what arrives, whole messages at a time. */
final class SocketRecorder implements WebSocket.Listener {
  /** Messages as text (binary decoded as UTF-8), prefixed "text:", "binary:" or "pong:". */
  final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

  final CompletableFuture<String> closed = new CompletableFuture<>();
  final CompletableFuture<Void> opened = new CompletableFuture<>();
  private final StringBuilder text = new StringBuilder();
  private java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

  @Override
  public void onOpen(WebSocket webSocket) {
    opened.complete(null);
    webSocket.request(Long.MAX_VALUE);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    text.append(data);
    if (last) {
      messages.add("text:" + text);
      text.setLength(0);
    }
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    binary.write(bytes, 0, bytes.length);
    if (last) {
      messages.add("binary:" + binary.toString(StandardCharsets.UTF_8));
      binary = new java.io.ByteArrayOutputStream();
    }
    return null;
  }

  @Override
  public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
    messages.add("pong:" + StandardCharsets.UTF_8.decode(message));
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode + " " + reason);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete("error " + error);
  }

  /** The next message that contains {@code part}, skipping others; fails after {@code seconds}. */
  String awaitContaining(String part, long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      String message = messages.poll(100, TimeUnit.MILLISECONDS);
      if (message != null && message.contains(part)) {
        return message;
      }
    }
    throw new AssertionError("no message containing " + part + " within " + seconds + " s");
  }
}
