package io.workspacebackend.session;

import io.workspacebackend.model.session.Session;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Tells a launch, without asking the database, that its session left {@code starting}: every change
 * of state is announced after it is stored (SessionTransitions), so the announcement that the
 * session is stopping or failed (its container died, see ContainerWatcher) reaches the launch the
 * moment it happens. Created before the launch's first step, so no announcement is missed; disposed
 * when the launch ends.
 */
final class LaunchWatch implements Disposable {
  private final AtomicBoolean left = new AtomicBoolean();
  private final Sinks.Empty<Void> leaving = Sinks.empty();
  private final Disposable subscription;

  LaunchWatch(Flux<Session> changes, String sessionId) {
    subscription =
        changes
            .filter(session -> session.id().toString().equals(sessionId))
            .filter(session -> !session.status().isStarting())
            .next()
            .subscribe(
                session -> {
                  left.set(true);
                  leaving.tryEmitEmpty();
                });
  }

  /** Errors with {@link SessionLauncher.LaunchAbandonedException} if the session has left. */
  Mono<Void> check() {
    return Mono.defer(
        () ->
            left.get() ? Mono.error(new SessionLauncher.LaunchAbandonedException()) : Mono.empty());
  }

  /**
   * Errors with {@link SessionLauncher.LaunchAbandonedException} once the session leaves; never
   * completes otherwise.
   */
  Mono<Void> whenLeft() {
    return leaving.asMono().then(Mono.error(SessionLauncher.LaunchAbandonedException::new));
  }

  @Override
  public void dispose() {
    subscription.dispose();
  }

  @Override
  public boolean isDisposed() {
    return subscription.isDisposed();
  }
}
