package io.workspacebackend.model.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotaTextTest {
  private static final long GIB = 1L << 30;

  @Test
  void sizesTakeShortAndLongUnitsInAnyCaseAsPowersOf1024() {
    assertThat(QuotaText.parseBytes("4g")).contains(4 * GIB);
    assertThat(QuotaText.parseBytes("4G")).contains(4 * GIB);
    assertThat(QuotaText.parseBytes("4GiB")).contains(4 * GIB);
    assertThat(QuotaText.parseBytes("4gb")).contains(4 * GIB);
    assertThat(QuotaText.parseBytes("512m")).contains(512L << 20);
    assertThat(QuotaText.parseBytes("64 KiB")).contains(64L << 10);
    assertThat(QuotaText.parseBytes("1t")).contains(1L << 40);
    assertThat(QuotaText.parseBytes("1.5g")).contains(3 * GIB / 2);
    assertThat(QuotaText.parseBytes("4096")).contains(4096L);
    assertThat(QuotaText.parseBytes("100b")).contains(100L);
  }

  @Test
  void sizesRejectOtherUnitsSignsAndOverflow() {
    assertThat(QuotaText.parseBytes("4x")).isEmpty();
    assertThat(QuotaText.parseBytes("-1g")).isEmpty();
    assertThat(QuotaText.parseBytes("g")).isEmpty();
    assertThat(QuotaText.parseBytes("")).isEmpty();
    assertThat(QuotaText.parseBytes("1e3")).isEmpty();
    assertThat(QuotaText.parseBytes("99999999t")).isEmpty();
  }

  @Test
  void cpusAreNumbersAboveZero() {
    assertThat(QuotaText.parseCpus("2")).contains(2.0);
    assertThat(QuotaText.parseCpus(" 1.5 ")).contains(1.5);
    assertThat(QuotaText.parseCpus("0")).isEmpty();
    assertThat(QuotaText.parseCpus("-1")).isEmpty();
    assertThat(QuotaText.parseCpus("NaN")).isEmpty();
    assertThat(QuotaText.parseCpus("two")).isEmpty();
  }

  @Test
  void sessionsAreWholeNumbersOfZeroOrMore() {
    assertThat(QuotaText.parseSessions("0")).contains(0);
    assertThat(QuotaText.parseSessions(" 3 ")).contains(3);
    assertThat(QuotaText.parseSessions("-1")).isEmpty();
    assertThat(QuotaText.parseSessions("2.5")).isEmpty();
    assertThat(QuotaText.parseSessions("")).isEmpty();
  }

  @Test
  void sizesAreWrittenInTheLargestUnitWithAtMostTwoDecimals() {
    assertThat(QuotaText.bytes(6 * GIB)).isEqualTo("6 GiB");
    assertThat(QuotaText.bytes(3 * GIB / 2)).isEqualTo("1.5 GiB");
    assertThat(QuotaText.bytes(512L << 20)).isEqualTo("512 MiB");
    assertThat(QuotaText.bytes(GIB + 1)).isEqualTo("1 GiB");
    assertThat(QuotaText.bytes(1023)).isEqualTo("1023 B");
    assertThat(QuotaText.bytes(0)).isEqualTo("0 B");
    assertThat(QuotaText.bytes(3L << 40)).isEqualTo("3 TiB");
  }

  @Test
  void cpusAreWrittenWithAsFewDigitsAsTheyNeed() {
    assertThat(QuotaText.cpus(2.0)).isEqualTo("2");
    assertThat(QuotaText.cpus(1.5)).isEqualTo("1.5");
    assertThat(QuotaText.cpus(0.125)).isEqualTo("0.125");
    assertThat(QuotaText.cpus(0.1 + 0.2)).isEqualTo("0.3");
  }
}
