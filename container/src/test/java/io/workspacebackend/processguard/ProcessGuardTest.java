package io.workspacebackend.processguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessGuardTest {
  @Test
  void aStatLineGivesPidAndSessionWhateverTheCommandNameHolds() {
    assertThat(ProcessStat.parse("4242 (bash) S 1 4242 4242 34816 4242 4194560 0 0"))
        .contains(new ProcessStat(4242, 4242));
    // A command may name itself anything, spaces and parentheses included.
    assertThat(ProcessStat.parse("77 (a) b (c) ) R 9 77 55 0 -1 0"))
        .contains(new ProcessStat(77, 55));
    assertThat(ProcessStat.parse("garbage")).isEmpty();
    assertThat(ProcessStat.parse("12 (x) S 1")).isEmpty();
  }

  @Test
  void theLargestSessionOtherThanTheServicesIsChosen() {
    List<ProcessStat> processes =
        List.of(
            new ProcessStat(1, 1),
            new ProcessStat(7, 1),
            new ProcessStat(8, 1),
            new ProcessStat(9, 1),
            new ProcessStat(20, 20),
            new ProcessStat(30, 30),
            new ProcessStat(31, 30),
            new ProcessStat(2, 0));

    assertThat(ProcessGuard.largestSession(processes, 1)).contains(30L);
    assertThat(ProcessGuard.largestSession(List.of(new ProcessStat(1, 1)), 1)).isEmpty();
  }

  @Test
  void theServicesKeepAQuarterOfTheLimitAndNeverLessThan32() {
    assertThat(ProcessGuard.reserveFor(512)).isEqualTo(128);
    assertThat(ProcessGuard.reserveFor(64)).isEqualTo(32);
    assertThat(ProcessGuard.reserveFor(16)).isEqualTo(15);
  }
}
