package io.workspacebackend.session;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Times the steps of one launch for the DEBUG log ({@code logging.level.
 * io.workspacebackend.session.LaunchClock}), to show where a session's start-up time goes: each
 * step's own duration and when it ended, counted from the launch's start.
 */
final class LaunchClock {
  private static final Logger log = LoggerFactory.getLogger(LaunchClock.class);

  private final String sessionId;
  private final long began = System.nanoTime();

  LaunchClock(String sessionId) {
    this.sessionId = sessionId;
  }

  <T> Mono<T> time(String step, Mono<T> work) {
    if (!log.isDebugEnabled()) {
      return work;
    }
    return Mono.defer(
        () -> {
          long stepBegan = System.nanoTime();
          return work.doOnTerminate(
              () ->
                  log.debug(
                      "session {}: {} took {} ms, done at {} ms",
                      sessionId,
                      step,
                      millisSince(stepBegan),
                      millisSince(began)));
        });
  }

  private static long millisSince(long nanoTime) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
  }
}
