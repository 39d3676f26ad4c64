package io.workspacebackend.examples;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import reactor.core.Disposable;

/** A streamed answer's text so far, as a client following it sees it. */
final class StreamedText implements AutoCloseable {
  private final StringBuilder text = new StringBuilder();
  private final CompletableFuture<Integer> status = new CompletableFuture<>();
  private final CompletableFuture<Throwable> end = new CompletableFuture<>();
  private volatile Disposable following;

  void following(Disposable subscription) {
    following = subscription;
  }

  void status(int code) {
    status.complete(code);
  }

  void append(String chunk) {
    synchronized (text) {
      text.append(chunk);
    }
  }

  void failed(Throwable error) {
    end.complete(error);
  }

  void ended() {
    end.complete(null);
  }

  /** The answer's status, once its headers are in. */
  int status() throws Exception {
    return status.get(30, TimeUnit.SECONDS);
  }

  /** Waits until the text contains {@code expected}; fails at once if the stream ends first. */
  void awaitContaining(String expected, Duration timeout) {
    Awaitility.await("'" + expected + "' in the stream")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(20))
        .failFast("the stream ended: " + this, end::isDone)
        .until(() -> toString().contains(expected));
  }

  boolean hasEnded() {
    return end.isDone();
  }

  @Override
  public void close() {
    Disposable current = following;
    if (current != null) {
      current.dispose();
    }
  }

  @Override
  public String toString() {
    synchronized (text) {
      return text.toString();
    }
  }
}
