package io.workspacebackend.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.workspacebackend.user.Quota;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class QuotaCheckTest {
  private static final long GIB = 1L << 30;

  private static Quota quota(int sessions, Long memoryBytes, Double cpus) {
    return new Quota(
        sessions,
        memoryBytes == null ? OptionalLong.empty() : OptionalLong.of(memoryBytes),
        cpus == null ? OptionalDouble.empty() : OptionalDouble.of(cpus));
  }

  private static QuotaExceededException refusal(
      Quota quota, int live, long liveMemory, double liveCpus, long memory, double cpus) {
    QuotaExceededException refused =
        catchThrowableOfType(
            QuotaExceededException.class,
            () -> QuotaCheck.check(quota, live, liveMemory, liveCpus, memory, cpus));
    assertThat(refused).as("refused").isNotNull();
    assertThat(QuotaCheck.exceeded(quota, live, liveMemory, liveCpus, memory, cpus)).isPresent();
    return refused;
  }

  @Test
  void aSessionThatFitsExactlyIsAllowed() {
    Quota quota = quota(4, 8 * GIB, 8.0);

    assertThatCode(() -> QuotaCheck.check(quota, 3, 6 * GIB, 6.0, 2 * GIB, 2.0))
        .doesNotThrowAnyException();
    assertThat(QuotaCheck.exceeded(quota, 3, 6 * GIB, 6.0, 2 * GIB, 2.0)).isEmpty();
  }

  @Test
  void unlimitedTotalsLeaveOnlyTheNumberOfSessions() {
    Quota quota = quota(100, null, null);

    assertThatCode(
            () -> QuotaCheck.check(quota, 99, Long.MAX_VALUE / 2, 1e6, Long.MAX_VALUE / 2, 1e6))
        .doesNotThrowAnyException();
  }

  @Test
  void theSessionLimitIsA409NamingSessions() {
    QuotaExceededException refused = refusal(quota(3, null, null), 3, 6 * GIB, 6.0, 2 * GIB, 2.0);

    ProblemDetail problem = refused.getBody();
    assertThat(problem.getStatus()).isEqualTo(409);
    assertThat(problem.getProperties()).containsEntry("limit", "sessions");
    assertThat(problem.getDetail())
        .isEqualTo(
            "over your session quota: you have 3 live sessions of 3 allowed; stop or delete one"
                + " first");
    assertThat(refused.limit()).isEqualTo(QuotaExceededException.Limit.SESSIONS);
  }

  @Test
  void aQuotaOfNoSessionsSaysSo() {
    QuotaExceededException refused = refusal(quota(0, null, null), 0, 0, 0, 2 * GIB, 2.0);

    assertThat(refused.getBody().getDetail())
        .isEqualTo("over your session quota: it allows no live sessions; ask an admin to raise it");
  }

  @Test
  void theMemoryLimitNamesWhatIsUsedAllowedAndNeeded() {
    QuotaExceededException refused =
        refusal(quota(5, 8 * GIB, null), 3, 6 * GIB, 6.0, 3 * GIB, 2.0);

    assertThat(refused.getBody().getProperties()).containsEntry("limit", "memory");
    assertThat(refused.getBody().getDetail())
        .isEqualTo("over your memory quota: 3 sessions use 6 GiB of 8 GiB; this one needs 3 GiB");
  }

  @Test
  void aMemoryLimitBelowOneSessionIsNamedWithNothingLive() {
    QuotaExceededException refused = refusal(quota(5, GIB, null), 0, 0, 0, 2 * GIB, 2.0);

    assertThat(refused.getBody().getDetail())
        .isEqualTo("over your memory quota: it allows 1 GiB; this one needs 2 GiB");
  }

  @Test
  void theCpuLimitNamesWhatIsUsedAllowedAndNeeded() {
    QuotaExceededException refused = refusal(quota(5, null, 7.0), 3, 6 * GIB, 6.0, 2 * GIB, 2.0);

    assertThat(refused.getBody().getProperties()).containsEntry("limit", "cpus");
    assertThat(refused.getBody().getDetail())
        .isEqualTo("over your CPU quota: 3 sessions use 6 of 7 CPUs; this one needs 2");
  }

  @Test
  void oneLiveSessionAndFractionsReadNaturally() {
    QuotaExceededException refused = refusal(quota(5, null, 1.0), 1, GIB, 0.5, GIB, 0.75);

    assertThat(refused.getBody().getDetail())
        .isEqualTo("over your CPU quota: 1 session uses 0.5 of 1 CPU; this one needs 0.75");
  }

  @Test
  void theSessionLimitIsNamedBeforeMemoryAndMemoryBeforeCpus() {
    assertThat(refusal(quota(1, GIB, 1.0), 1, 2 * GIB, 2.0, 2 * GIB, 2.0).limit())
        .isEqualTo(QuotaExceededException.Limit.SESSIONS);
    assertThat(refusal(quota(9, GIB, 1.0), 1, 2 * GIB, 2.0, 2 * GIB, 2.0).limit())
        .isEqualTo(QuotaExceededException.Limit.MEMORY);
  }

  @Test
  void cpuFractionsThatAddUpExactlyAreNotRefusedForRoundingErrors() {
    // 0.1 + 0.2 is 0.30000000000000004 in binary floating point.
    assertThatCode(() -> QuotaCheck.check(quota(9, null, 0.3), 1, GIB, 0.1, GIB, 0.2))
        .doesNotThrowAnyException();
  }

  @Test
  void hugeMemoryFiguresDoNotOverflowIntoAllowance() {
    assertThat(refusal(quota(9, Long.MAX_VALUE - 1, null), 1, Long.MAX_VALUE - 1, 0, 2, 0).limit())
        .isEqualTo(QuotaExceededException.Limit.MEMORY);
  }
}
