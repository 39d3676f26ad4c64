package io.workspacebackend.cli;

import io.workspacebackend.invite.InviteState;
import io.workspacebackend.model.invite.Invite;
import java.time.Instant;
import java.util.List;

/** Renders invite codes as an aligned text table for {@code invite-codes list}. */
final class InviteTable {
  private static final List<String> HEADER =
      List.of("CODE", "ROLE", "USES", "EXPIRES", "STATE", "NOTE");

  private InviteTable() {}

  static String render(List<Invite> invites, Instant now) {
    return TextTable.render(
        HEADER,
        invites.stream()
            .map(
                invite ->
                    List.of(
                        invite.code(),
                        invite.role().wireName(),
                        invite.uses() + "/" + invite.maxUses(),
                        invite.expiresAt() == null ? "never" : invite.expiresAt().toString(),
                        InviteState.of(invite, now).label(),
                        invite.note() == null ? "" : invite.note()))
            .toList());
  }
}
