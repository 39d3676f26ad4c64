package io.workspacebackend.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FormatsTest {
  @Test
  void durationsShowTheTwoLargestUnits() {
    assertThat(Formats.duration(Duration.ofSeconds(12))).isEqualTo("12s");
    assertThat(Formats.duration(Duration.ofSeconds(249))).isEqualTo("4m 09s");
    assertThat(Formats.duration(Duration.ofMinutes(125))).isEqualTo("2h 05m");
    assertThat(Formats.duration(Duration.ofHours(50))).isEqualTo("2d 02h");
    assertThat(Formats.duration(Duration.ofSeconds(-3))).isEqualTo("0s");
  }

  @Test
  void sizesUseBinaryUnits() {
    assertThat(Formats.bytes(512)).isEqualTo("512 B");
    assertThat(Formats.bytes(1536)).isEqualTo("1.5 KiB");
    assertThat(Formats.bytes(258L * 1024 * 1024)).isEqualTo("258 MiB");
    assertThat(Formats.bytes(2L * 1024 * 1024 * 1024)).isEqualTo("2.0 GiB");
  }
}
