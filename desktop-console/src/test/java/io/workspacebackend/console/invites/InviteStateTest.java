package io.workspacebackend.console.invites;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.invite.Invite;
import io.workspacebackend.model.user.Role;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InviteStateTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  @Test
  void revokedWinsOverEverythingElse() {
    assertThat(InviteState.of(invite(1, 1, NOW.minusSeconds(1), true), NOW))
        .isEqualTo(InviteState.REVOKED);
  }

  @Test
  void anInviteIsExpiredFromItsExpiryOn() {
    assertThat(InviteState.of(invite(0, 1, NOW, false), NOW)).isEqualTo(InviteState.EXPIRED);
    assertThat(InviteState.of(invite(0, 1, NOW.plusSeconds(1), false), NOW))
        .isEqualTo(InviteState.USABLE);
  }

  @Test
  void anInviteWithAllUsesTakenIsUsedUp() {
    assertThat(InviteState.of(invite(3, 3, null, false), NOW)).isEqualTo(InviteState.USED_UP);
    assertThat(InviteState.of(invite(2, 3, null, false), NOW).toString()).isEqualTo("usable");
  }

  private static Invite invite(int uses, int maxUses, Instant expiresAt, boolean revoked) {
    return new Invite("ABCD-EFGH", Role.USER, maxUses, uses, expiresAt, revoked, null, NOW, "");
  }
}
