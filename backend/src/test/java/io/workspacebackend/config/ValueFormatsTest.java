package io.workspacebackend.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ValueFormatsTest {

  @Test
  void durationsAcceptShortUnitsCombinationsAndIso8601() {
    assertThat(DurationFormat.parse("500ms")).contains(Duration.ofMillis(500));
    assertThat(DurationFormat.parse("90s")).contains(Duration.ofSeconds(90));
    assertThat(DurationFormat.parse("10m")).contains(Duration.ofMinutes(10));
    assertThat(DurationFormat.parse("24h")).contains(Duration.ofHours(24));
    assertThat(DurationFormat.parse("7d")).contains(Duration.ofDays(7));
    assertThat(DurationFormat.parse("1h30m")).contains(Duration.ofMinutes(90));
    assertThat(DurationFormat.parse("PT24H")).contains(Duration.ofHours(24));
    assertThat(DurationFormat.parse("pt1m")).contains(Duration.ofMinutes(1));
  }

  @Test
  void durationsRejectBareNumbersUnknownUnitsAndGarbage() {
    assertThat(DurationFormat.parse("10")).isEmpty();
    assertThat(DurationFormat.parse("10w")).isEmpty();
    assertThat(DurationFormat.parse("")).isEmpty();
    assertThat(DurationFormat.parse("h")).isEmpty();
    assertThat(DurationFormat.parse("99999999999999999999s")).isEmpty();
  }

  @Test
  void durationsAreWrittenInTheLargestUnitWithACountOfAtLeastTwo() {
    assertThat(DurationFormat.format(Duration.ofHours(24))).isEqualTo("24h");
    assertThat(DurationFormat.format(Duration.ofDays(7))).isEqualTo("7d");
    assertThat(DurationFormat.format(Duration.ofSeconds(60))).isEqualTo("60s");
    assertThat(DurationFormat.format(Duration.ofMinutes(10))).isEqualTo("10m");
    assertThat(DurationFormat.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(DurationFormat.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(DurationFormat.format(Duration.ofNanos(5))).isEqualTo("PT0.000000005S");
  }

  @Test
  void sizesAcceptUnitsInAnyCaseBinarySpellingsAndPlainBytes() {
    assertThat(DataSizeFormat.parse("512MB")).contains(DataSize.ofMegabytes(512));
    assertThat(DataSizeFormat.parse("2gb")).contains(DataSize.ofGigabytes(2));
    assertThat(DataSizeFormat.parse("1MiB")).contains(DataSize.ofMegabytes(1));
    assertThat(DataSizeFormat.parse("4096")).contains(DataSize.ofBytes(4096));
    assertThat(DataSizeFormat.parse("2 parsecs")).isEmpty();
    assertThat(DataSizeFormat.parse("-1MB")).isEmpty();
  }

  @Test
  void sizesAreWrittenInTheLargestWholeUnit() {
    assertThat(DataSizeFormat.format(DataSize.ofGigabytes(2))).isEqualTo("2GB");
    assertThat(DataSizeFormat.format(DataSize.ofKilobytes(1536))).isEqualTo("1536KB");
    assertThat(DataSizeFormat.format(DataSize.ofBytes(1000))).isEqualTo("1000B");
  }

  @Test
  void theClosestNameAllowsTypos() {
    assertThat(ClosestName.among("prot", java.util.List.of("host", "port"))).contains("port");
    assertThat(ClosestName.among("xyz", java.util.List.of("host", "port"))).isEmpty();
  }
}
