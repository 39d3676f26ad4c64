package io.workspacebackend.session;

import io.workspacebackend.model.user.QuotaText;
import io.workspacebackend.user.Quota;
import java.util.Optional;

/**
 * Whether one more live session fits in a user's {@link Quota}: their number of live sessions, and
 * the memory and CPU limits those sessions have in total. Pure: the caller counts what the user's
 * live sessions hold, in the transaction that adds the session, so that two requests cannot both
 * take the last of a quota.
 */
final class QuotaCheck {
  /** CPU counts are sums of fractions such as 0.1; a rounding error must not refuse a session. */
  private static final double CPU_TOLERANCE = 1e-9;

  private QuotaCheck() {}

  /**
   * Throws if a new session limited to {@code memoryBytes} and {@code cpus} does not fit beside the
   * user's {@code liveSessions}, whose limits add up to {@code liveMemoryBytes} and {@code
   * liveCpus}.
   *
   * @throws QuotaExceededException 409, naming the first limit it would exceed: sessions, then
   *     memory, then CPUs
   */
  static void check(
      Quota quota,
      int liveSessions,
      long liveMemoryBytes,
      double liveCpus,
      long memoryBytes,
      double cpus) {
    Optional<QuotaExceededException> exceeded =
        exceeded(quota, liveSessions, liveMemoryBytes, liveCpus, memoryBytes, cpus);
    if (exceeded.isPresent()) {
      throw exceeded.get();
    }
  }

  /** The refusal {@link #check} would throw, if any, for callers that do not fail with it. */
  static Optional<QuotaExceededException> exceeded(
      Quota quota,
      int liveSessions,
      long liveMemoryBytes,
      double liveCpus,
      long memoryBytes,
      double cpus) {
    if (liveSessions >= quota.maxSessions()) {
      return Optional.of(
          new QuotaExceededException(
              QuotaExceededException.Limit.SESSIONS,
              quota.maxSessions() == 0
                  ? "over your session quota: it allows no live sessions; ask an admin to raise it"
                  : "over your session quota: "
                      + live(liveSessions)
                      + " of "
                      + quota.maxSessions()
                      + " allowed; stop or delete one first"));
    }
    if (quota.maxMemoryBytes().isPresent()
        && memoryBytes > quota.maxMemoryBytes().getAsLong() - liveMemoryBytes) {
      return Optional.of(
          new QuotaExceededException(
              QuotaExceededException.Limit.MEMORY,
              "over your memory quota: "
                  + use(
                      liveSessions,
                      QuotaText.bytes(liveMemoryBytes),
                      QuotaText.bytes(quota.maxMemoryBytes().getAsLong()))
                  + "; this one needs "
                  + QuotaText.bytes(memoryBytes)));
    }
    if (quota.maxCpus().isPresent()
        && liveCpus + cpus > quota.maxCpus().getAsDouble() + CPU_TOLERANCE) {
      return Optional.of(
          new QuotaExceededException(
              QuotaExceededException.Limit.CPUS,
              "over your CPU quota: "
                  + use(
                      liveSessions,
                      QuotaText.cpus(liveCpus),
                      cpusNamed(quota.maxCpus().getAsDouble()))
                  + "; this one needs "
                  + QuotaText.cpus(cpus)));
    }
    return Optional.empty();
  }

  /** "1 CPU", "1.5 CPUs". */
  private static String cpusNamed(double cpus) {
    String count = QuotaText.cpus(cpus);
    return count + (count.equals("1") ? " CPU" : " CPUs");
  }

  /** "you have 1 live session", "you have 3 live sessions". */
  private static String live(int sessions) {
    return "you have " + sessions + " live session" + (sessions == 1 ? "" : "s");
  }

  /** "3 sessions use 6 GiB of 8 GiB", or "it allows 1 GiB" when none is live. */
  private static String use(int sessions, String used, String allowed) {
    if (sessions == 0) {
      return "it allows " + allowed;
    }
    return sessions
        + (sessions == 1 ? " session uses " : " sessions use ")
        + used
        + " of "
        + allowed;
  }
}
