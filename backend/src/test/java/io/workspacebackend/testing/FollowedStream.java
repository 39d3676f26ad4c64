package io.workspacebackend.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A streamed GET (an event stream, followed logs) read line by line as it arrives, remembering when
 * and how it ended, as a client following it would see it.
 */
public final class FollowedStream implements Flow.Subscriber<String>, AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final List<String> lines = new ArrayList<>();
  private final CompletableFuture<Long> endedAtNanos = new CompletableFuture<>();
  private final CompletableFuture<Integer> status = new CompletableFuture<>();
  private final CompletableFuture<HttpResponse<Void>> response;
  private volatile Flow.Subscription subscription;

  private FollowedStream(URI uri, String token) {
    HttpRequest request =
        HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();
    // The response itself completes only with its body: the status is taken as the body starts.
    response =
        HTTP.sendAsync(
            request,
            info -> {
              status.complete(info.statusCode());
              return HttpResponse.BodySubscribers.fromLineSubscriber(this);
            });
  }

  /** Starts following {@code uri} with {@code token} as a Bearer token. */
  public static FollowedStream open(URI uri, String token) {
    return new FollowedStream(uri, token);
  }

  /** The response's status, once its headers are in. */
  public int status(Duration timeout) throws Exception {
    return status.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Waits for a line matching {@code regex} (anywhere in the line); fails after {@code timeout}.
   */
  public String awaitLine(String regex, Duration timeout) throws InterruptedException {
    Pattern pattern = Pattern.compile(regex);
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lines) {
      while (true) {
        for (String line : lines) {
          if (pattern.matcher(line).find()) {
            return line;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "no line matching " + regex + " within " + timeout + ": " + lines);
        }
        TimeUnit.NANOSECONDS.timedWait(lines, left);
      }
    }
  }

  /** Waits for the server to end the stream normally; returns {@link System#nanoTime()} then. */
  public long awaitEnd(Duration timeout) throws Exception {
    return endedAtNanos.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public boolean hasEnded() {
    return endedAtNanos.isDone();
  }

  /** Every line so far. */
  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(String line) {
    synchronized (lines) {
      lines.add(line);
      lines.notifyAll();
    }
  }

  @Override
  public void onError(Throwable error) {
    endedAtNanos.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    endedAtNanos.complete(System.nanoTime());
  }

  /** Stops following (the client goes away). */
  @Override
  public void close() {
    Flow.Subscription current = subscription;
    if (current != null) {
      current.cancel();
    }
    response.cancel(true);
  }

  /** The lines as one text, for assertion messages. */
  @Override
  public String toString() {
    return String.join("\n", lines());
  }
}
