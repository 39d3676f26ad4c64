package io.workspacebackend.db;

import io.workspacebackend.reactive.JvmErrors;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Runs blocking JDBC work off the event loop. Every repository call made while serving a request
 * goes through here, so a Netty thread never waits on SQLite's file lock.
 */
@Component
public class Database implements DisposableBean {
  private final Scheduler scheduler;

  public Database(DatabaseSettings settings) {
    // One more thread than connections: a caller never parks a thread waiting for the pool.
    this.scheduler =
        Schedulers.newBoundedElastic(
            settings.poolSize() + 1, Schedulers.DEFAULT_BOUNDED_ELASTIC_QUEUESIZE, "jdbc", 60);
  }

  /**
   * Runs {@code work} on the JDBC scheduler; an empty result (null) completes empty. What follows
   * runs on Reactor's non-blocking threads again: left on the few JDBC threads, a request's whole
   * remaining pipeline (a proxied body, say) would queue behind database work.
   */
  public <T> Mono<T> call(Callable<T> work) {
    return Mono.fromCallable(JvmErrors.delivered(work))
        .subscribeOn(scheduler)
        .publishOn(Schedulers.parallel());
  }

  /** Runs {@code work} on the JDBC scheduler for its side effect. */
  public Mono<Void> run(Runnable work) {
    return Mono.fromRunnable(JvmErrors.delivered(work))
        .subscribeOn(scheduler)
        .publishOn(Schedulers.parallel())
        .then();
  }

  @Override
  public void destroy() {
    scheduler.dispose();
  }
}
