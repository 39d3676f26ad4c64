package io.workspacebackend.auth;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * One registered connection (a WebSocket, a stream, a proxied request) as its handler sees it: it
 * learns here when its access is withdrawn, and {@link #close()}s it when it ends for any reason.
 */
public final class LiveConnection implements AutoCloseable {
  private final ConnectionGrant grant;
  private final Consumer<LiveConnection> unregister;
  private final AtomicReference<Revocation> revocation = new AtomicReference<>();
  private final Sinks.One<Revocation> revoked = Sinks.one();

  LiveConnection(ConnectionGrant grant, Consumer<LiveConnection> unregister) {
    this.grant = grant;
    this.unregister = unregister;
  }

  ConnectionGrant grant() {
    return grant;
  }

  /** Emits why, once, when the connection's access is withdrawn; never completes empty. */
  public Mono<Revocation> revoked() {
    return revoked.asMono();
  }

  public boolean isRevoked() {
    return revocation.get() != null;
  }

  /** Why the access was withdrawn, if it was. */
  public Optional<Revocation> revocation() {
    return Optional.ofNullable(revocation.get());
  }

  /**
   * {@code stream} until the access is withdrawn; then, if it was, {@code lastWord} of why, and the
   * end.
   */
  public <T> Flux<T> until(Flux<T> stream, Function<Revocation, Publisher<T>> lastWord) {
    return until(stream, Schedulers.immediate(), lastWord);
  }

  /**
   * As {@link #until(Flux, Function)}, with the withdrawal acted on in {@code streamThread}, the
   * thread {@code stream} emits in (a connection's event loop). Acted on in the withdrawing thread,
   * it could end the stream between an item's leaving {@code stream} and its being passed on, and
   * that item would be dropped: for a retained buffer, a leak.
   */
  public <T> Flux<T> until(
      Flux<T> stream, Scheduler streamThread, Function<Revocation, Publisher<T>> lastWord) {
    return stream
        .takeUntilOther(revoked().publishOn(streamThread))
        .concatWith(
            Flux.defer(
                () -> {
                  Revocation why = revocation.get();
                  return why == null ? Flux.empty() : lastWord.apply(why);
                }));
  }

  /** The first revocation wins; later ones change nothing. */
  void end(Revocation why) {
    if (revocation.compareAndSet(null, why)) {
      revoked.tryEmitValue(why);
    }
  }

  /** Unregisters: the connection has ended. */
  @Override
  public void close() {
    unregister.accept(this);
  }
}
