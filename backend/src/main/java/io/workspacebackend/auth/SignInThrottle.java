package io.workspacebackend.auth;

import io.workspacebackend.config.WorkspaceConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Slows down, then refuses, sign-in attempts from a client address or for a username that failed
 * recently: a sliding window of failure times per key, in memory (one server instance). With {@code
 * f} recent failures an attempt waits {@code failed_login_delay × 2^(f-1)} (at most 5 s); from
 * {@code max_failed_logins} on it gets 429 with the seconds until the oldest failure leaves the
 * window.
 */
@Component
class SignInThrottle {
  private static final Duration MAX_DELAY = Duration.ofSeconds(5);
  private static final int MAX_USERNAME_KEY_LENGTH = 64;
  private static final int PRUNE_ABOVE_KEYS = 10_000;

  private final int maxFailures;
  private final Duration window;
  private final Duration delay;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  SignInThrottle(WorkspaceConfig config, Clock clock) {
    this.maxFailures = config.auth().maxFailedLogins();
    this.window = config.auth().failedLoginWindow();
    this.delay = config.auth().failedLoginDelay();
    this.clock = clock;
  }

  /** The keys one attempt counts against. */
  static List<String> keys(String clientAddress, String username) {
    String name = username == null ? "" : username.toLowerCase(Locale.ROOT);
    if (name.length() > MAX_USERNAME_KEY_LENGTH) {
      name = name.substring(0, MAX_USERNAME_KEY_LENGTH);
    }
    return List.of("address:" + clientAddress, "username:" + name);
  }

  /** Completes after the attempt's delay, or fails with 429 if a key is over its limit. */
  Mono<Void> admit(List<String> keys) {
    Instant now = clock.instant();
    int worst = 0;
    Optional<Duration> retryAfter = Optional.empty();
    for (String key : keys) {
      List<Instant> recent = recent(key, now);
      worst = Math.max(worst, recent.size());
      if (recent.size() >= maxFailures) {
        Duration wait = Duration.between(now, recent.get(recent.size() - maxFailures).plus(window));
        retryAfter =
            retryAfter.filter(longer -> longer.compareTo(wait) >= 0).or(() -> Optional.of(wait));
      }
    }
    if (retryAfter.isPresent()) {
      return Mono.error(new TooManyAttemptsException(retryAfter.get()));
    }
    Duration wait = delayAfter(worst);
    return wait.isZero() ? Mono.empty() : Mono.delay(wait).then();
  }

  void recordFailure(List<String> keys) {
    Instant now = clock.instant();
    if (failures.size() > PRUNE_ABOVE_KEYS) {
      failures.keySet().forEach(key -> recent(key, now));
    }
    for (String key : keys) {
      failures.compute(
          key,
          (k, times) -> {
            Deque<Instant> kept = times == null ? new ArrayDeque<>() : times;
            kept.addLast(now);
            return kept;
          });
    }
  }

  /** A correct login clears its username's failures; its address keeps them. */
  void recordSuccess(List<String> keys) {
    keys.stream().filter(key -> key.startsWith("username:")).forEach(failures::remove);
  }

  private Duration delayAfter(int recentFailures) {
    if (recentFailures == 0 || delay.isZero()) {
      return Duration.ZERO;
    }
    int doublings = Math.min(recentFailures - 1, 20);
    Duration grown = delay.multipliedBy(1L << doublings);
    return grown.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : grown;
  }

  /** The key's failures still inside the window, oldest first; forgets the older ones. */
  private List<Instant> recent(String key, Instant now) {
    Instant horizon = now.minus(window);
    // Copied inside compute: another request may be adding to the same deque.
    AtomicReference<List<Instant>> snapshot = new AtomicReference<>(List.of());
    failures.computeIfPresent(
        key,
        (k, times) -> {
          while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.removeFirst();
          }
          snapshot.set(List.copyOf(times));
          return times.isEmpty() ? null : times;
        });
    return snapshot.get();
  }
}
