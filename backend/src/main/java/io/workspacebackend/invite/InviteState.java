package io.workspacebackend.invite;

import io.workspacebackend.model.invite.Invite;
import java.time.Instant;

/** Whether an invite code can still be used, and if not, why. */
public enum InviteState {
  ACTIVE("active"),
  USED_UP("used up"),
  EXPIRED("expired"),
  REVOKED("revoked");

  private final String label;

  InviteState(String label) {
    this.label = label;
  }

  public static InviteState of(Invite invite, Instant now) {
    if (invite.revoked()) {
      return REVOKED;
    }
    if (invite.expiresAt() != null && !invite.expiresAt().isAfter(now)) {
      return EXPIRED;
    }
    return invite.uses() >= invite.maxUses() ? USED_UP : ACTIVE;
  }

  /** How people read it: {@code active}, {@code used up}, {@code expired}, {@code revoked}. */
  public String label() {
    return label;
  }
}
