package io.workspacebackend.invite;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InviteCodeFormatTest {
  @Test
  void codesAreSixteenUnambiguousCharactersInFourGroups() {
    InviteCodeFormat format = new InviteCodeFormat(new SecureRandom());
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String code = format.newCode();
      assertThat(code).matches("[2-9A-HJKMNP-TV-Z]{4}(-[2-9A-HJKMNP-TV-Z]{4}){3}");
      assertThat(code).doesNotContain("0", "O", "1", "l", "I");
      codes.add(code);
    }
    assertThat(codes).hasSize(1000);
  }

  @Test
  void typedCodesIgnoreCaseSpacesAndDashes() {
    assertThat(InviteCodeFormat.canonical("k7qm3xjdp9trwb2h")).isEqualTo("K7QM-3XJD-P9TR-WB2H");
    assertThat(InviteCodeFormat.canonical(" K7QM 3XJD-P9TR WB2H "))
        .isEqualTo("K7QM-3XJD-P9TR-WB2H");
  }

  @Test
  void textThatCannotBeACodeIsLeftAsItIs() {
    assertThat(InviteCodeFormat.canonical("short")).isEqualTo("short");
    assertThat(InviteCodeFormat.canonical("O0O0-1111-LLLL-IIII")).isEqualTo("O0O0-1111-LLLL-IIII");
  }
}
