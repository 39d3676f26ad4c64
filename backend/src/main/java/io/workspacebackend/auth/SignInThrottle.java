package io.workspacebackend.auth;

import io.workspacebackend.config.WorkspaceConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Slows down, then refuses, sign-in attempts that failed recently; a sliding window of failure
 * times per key, in memory (one server instance). An attempt counts against three keys:
 *
 * <ul>
 *   <li>the pair (client address, username), and the client address alone: from {@code
 *       max_failed_logins} on, 429 with the seconds until the oldest failure leaves the window;
 *   <li>the username alone: only a delay that grows with its failures and stays short ({@link
 *       #MAX_USERNAME_DELAY}), so a stranger guessing elsewhere slows a person's sign-in but cannot
 *       lock them out, and a guesser spread over many addresses is still slowed.
 * </ul>
 *
 * With {@code f} recent failures an attempt waits {@code failed_login_delay × 2^(f-1)}. An attempt
 * counts from the moment it is admitted, before its password is checked: admission and counting are
 * one step, so parallel guesses cannot all pass the check before any of them is counted.
 */
@Component
class SignInThrottle {
  private static final Duration MAX_DELAY = Duration.ofSeconds(5);
  private static final Duration MAX_USERNAME_DELAY = Duration.ofSeconds(2);

  /** Refused only because other attempts are still being checked: they end within a second. */
  private static final Duration IN_FLIGHT_RETRY = Duration.ofSeconds(1);

  private static final int MAX_USERNAME_KEY_LENGTH = 64;
  private static final int PRUNE_ABOVE_KEYS = 10_000;

  private final int maxFailures;
  private final Duration window;
  private final Duration delay;
  private final Clock clock;

  /** Guarded by {@code this}: every operation on it is a few list steps. */
  private final Map<String, Counter> counters = new HashMap<>();

  SignInThrottle(WorkspaceConfig config, Clock clock) {
    this.maxFailures = config.auth().maxFailedLogins();
    this.window = config.auth().failedLoginWindow();
    this.delay = config.auth().failedLoginDelay();
    this.clock = clock;
  }

  /**
   * Runs {@code check} as one attempt by {@code username} from {@code clientAddress}: refused with
   * {@link TooManyAttemptsException} or delayed first, and counted as failed when it ends with an
   * error {@code isFailure} accepts.
   */
  <T> Mono<T> guard(
      String clientAddress, String username, Predicate<Throwable> isFailure, Mono<T> check) {
    return Mono.defer(
        () -> {
          Attempt attempt = admit(Keys.of(clientAddress, username));
          Mono<T> delayed = attempt.delay.isZero() ? check : Mono.delay(attempt.delay).then(check);
          return delayed
              .doOnSuccess(result -> attempt.end(Outcome.SUCCEEDED))
              .doOnError(
                  error -> attempt.end(isFailure.test(error) ? Outcome.FAILED : Outcome.NONE))
              .doOnCancel(() -> attempt.end(Outcome.NONE));
        });
  }

  private synchronized Attempt admit(Keys keys) {
    Instant now = clock.instant();
    if (counters.size() > PRUNE_ABOVE_KEYS) {
      counters.values().forEach(counter -> counter.forgetBefore(now.minus(window)));
      counters.values().removeIf(Counter::isEmpty);
    }
    Duration retryAfter = Duration.ZERO;
    for (String key : keys.hardLimited()) {
      Counter counter = counter(key, now);
      if (counter.attempts() >= maxFailures) {
        Duration wait =
            counter.failures.size() >= maxFailures
                ? Duration.between(now, counter.oldestOfLast(maxFailures).plus(window))
                : IN_FLIGHT_RETRY;
        retryAfter = wait.compareTo(retryAfter) > 0 ? wait : retryAfter;
      }
    }
    if (!retryAfter.isZero()) {
      throw new TooManyAttemptsException(retryAfter);
    }
    int limitedAttempts = 0;
    for (String key : keys.hardLimited()) {
      limitedAttempts = Math.max(limitedAttempts, counter(key, now).attempts());
    }
    Duration wait = delayAfter(limitedAttempts, MAX_DELAY);
    Duration usernameWait =
        delayAfter(counter(keys.username(), now).attempts(), MAX_USERNAME_DELAY);
    for (String key : keys.all()) {
      counter(key, now).inFlight++;
    }
    return new Attempt(keys, usernameWait.compareTo(wait) > 0 ? usernameWait : wait);
  }

  private synchronized void end(Keys keys, Outcome outcome) {
    Instant now = clock.instant();
    for (String key : keys.all()) {
      Counter counter = counters.computeIfAbsent(key, k -> new Counter());
      counter.inFlight = Math.max(0, counter.inFlight - 1);
      if (outcome == Outcome.FAILED) {
        counter.failures.addLast(now);
      }
    }
    if (outcome == Outcome.SUCCEEDED) {
      // A correct sign-in clears its own pair only: the username's delay and the address's count
      // are other people's business.
      counters.remove(keys.pair());
    }
    for (String key : keys.all()) {
      Counter counter = counters.get(key);
      if (counter != null && counter.isEmpty()) {
        counters.remove(key);
      }
    }
  }

  private Counter counter(String key, Instant now) {
    Counter counter = counters.computeIfAbsent(key, k -> new Counter());
    counter.forgetBefore(now.minus(window));
    return counter;
  }

  private Duration delayAfter(int attempts, Duration cap) {
    if (attempts == 0 || delay.isZero()) {
      return Duration.ZERO;
    }
    int doublings = Math.min(attempts - 1, 20);
    Duration grown = delay.multipliedBy(1L << doublings);
    return grown.compareTo(cap) > 0 ? cap : grown;
  }

  /** The keys of one attempt. */
  record Keys(String pair, String address, String username) {
    static Keys of(String clientAddress, String username) {
      String name = username == null ? "" : username.toLowerCase(Locale.ROOT);
      if (name.length() > MAX_USERNAME_KEY_LENGTH) {
        name = name.substring(0, MAX_USERNAME_KEY_LENGTH);
      }
      return new Keys(
          "pair:" + clientAddress + " " + name, "address:" + clientAddress, "username:" + name);
    }

    List<String> hardLimited() {
      return List.of(pair, address);
    }

    List<String> all() {
      return List.of(pair, address, username);
    }
  }

  private enum Outcome {
    SUCCEEDED,
    FAILED,
    /** Neither: an error that says nothing about the password, or a client that went away. */
    NONE
  }

  /** Recent failures of one key, oldest first, and the attempts of it being checked right now. */
  private static final class Counter {
    final Deque<Instant> failures = new ArrayDeque<>();
    int inFlight;

    int attempts() {
      return failures.size() + inFlight;
    }

    void forgetBefore(Instant horizon) {
      while (!failures.isEmpty() && !failures.peekFirst().isAfter(horizon)) {
        failures.removeFirst();
      }
    }

    /** The oldest of the newest {@code count} failures: its leaving the window frees a place. */
    Instant oldestOfLast(int count) {
      return failures.stream().skip(failures.size() - count).findFirst().orElseThrow();
    }

    boolean isEmpty() {
      return failures.isEmpty() && inFlight == 0;
    }
  }

  /** One admitted attempt; it ends once, however its check ends. */
  private final class Attempt {
    final Keys keys;
    final Duration delay;
    private final AtomicBoolean ended = new AtomicBoolean();

    Attempt(Keys keys, Duration delay) {
      this.keys = keys;
      this.delay = delay;
    }

    void end(Outcome outcome) {
      if (ended.compareAndSet(false, true)) {
        SignInThrottle.this.end(keys, outcome);
      }
    }
  }
}
