package io.workspacebackend.container;

import com.github.dockerjava.api.async.ResultCallback;
import java.io.Closeable;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Scheduler;

/**
 * Adapts docker-java's streaming callbacks (events, logs, stats) to a {@link Flux}. docker-java
 * reads each stream on its own thread; cancelling the flux closes the HTTP response, which ends
 * that thread.
 */
final class EngineStreams {
  private EngineStreams() {}

  /**
   * A flux of what {@code start} streams into the callback it is given. {@code start} runs on
   * {@code scheduler} because opening the stream may block; failures are mapped by {@code errors}.
   */
  static <T> Flux<T> of(
      Consumer<ResultCallback<T>> start,
      Function<Throwable, ? extends Throwable> errors,
      Scheduler scheduler) {
    return Flux.<T>create(
            sink -> {
              SinkCallback<T> callback = new SinkCallback<>(sink, errors);
              sink.onDispose(callback::cancel);
              start.accept(callback);
            })
        .subscribeOn(scheduler);
  }

  /**
   * docker-java's own adapter forgets a {@code close()} that comes before the stream opened; this
   * one closes the stream as soon as it opens if the subscriber has already gone.
   */
  private static final class SinkCallback<T> implements ResultCallback<T> {
    private final FluxSink<T> sink;
    private final Function<Throwable, ? extends Throwable> errors;
    private Closeable stream;
    private boolean cancelled;

    SinkCallback(FluxSink<T> sink, Function<Throwable, ? extends Throwable> errors) {
      this.sink = sink;
      this.errors = errors;
    }

    @Override
    public void onStart(Closeable stream) {
      boolean closeNow;
      synchronized (this) {
        this.stream = stream;
        closeNow = cancelled;
      }
      if (closeNow) {
        closeQuietly(stream);
      }
    }

    @Override
    public void onNext(T item) {
      if (!isCancelled()) {
        sink.next(item);
      }
    }

    @Override
    public void onError(Throwable error) {
      if (!isCancelled()) {
        sink.error(errors.apply(error));
      }
    }

    @Override
    public void onComplete() {
      if (!isCancelled()) {
        sink.complete();
      }
    }

    @Override
    public void close() {
      cancel();
    }

    void cancel() {
      Closeable toClose;
      synchronized (this) {
        if (cancelled) {
          return;
        }
        cancelled = true;
        toClose = stream;
      }
      if (toClose != null) {
        closeQuietly(toClose);
      }
    }

    private synchronized boolean isCancelled() {
      return cancelled;
    }

    private static void closeQuietly(Closeable stream) {
      try {
        stream.close();
      } catch (IOException | RuntimeException e) {
        // The stream is being abandoned; a failure to close it changes nothing for the subscriber.
      }
    }
  }
}
