package io.workspacebackend.console.invites;

import io.workspacebackend.model.invite.Invite;
import java.time.Instant;

/** Whether an invite can still be used, in the words the invites table shows. */
enum InviteState {
  USABLE("usable"),
  USED_UP("used up"),
  EXPIRED("expired"),
  REVOKED("revoked");

  private final String label;

  InviteState(String label) {
    this.label = label;
  }

  static InviteState of(Invite invite, Instant now) {
    if (invite.revoked()) {
      return REVOKED;
    }
    if (invite.expiresAt() != null && !invite.expiresAt().isAfter(now)) {
      return EXPIRED;
    }
    return invite.uses() >= invite.maxUses() ? USED_UP : USABLE;
  }

  @Override
  public String toString() {
    return label;
  }
}
