package io.workspacebackend.cli;

import io.workspacebackend.invite.InviteState;
import io.workspacebackend.model.invite.Invite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Renders invite codes as an aligned text table for {@code invite-codes list}. */
final class InviteTable {
  private static final List<String> HEADER =
      List.of("CODE", "ROLE", "USES", "EXPIRES", "STATE", "NOTE");

  private InviteTable() {}

  static String render(List<Invite> invites, Instant now) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (Invite invite : invites) {
      rows.add(
          List.of(
              invite.code(),
              invite.role().wireName(),
              invite.uses() + "/" + invite.maxUses(),
              invite.expiresAt() == null ? "never" : invite.expiresAt().toString(),
              InviteState.of(invite, now).label(),
              invite.note() == null ? "" : invite.note()));
    }
    int[] widths = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int column = 0; column < row.size(); column++) {
        widths[column] = Math.max(widths[column], row.get(column).length());
      }
    }
    StringBuilder table = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int column = 0; column < row.size(); column++) {
        String cell = row.get(column);
        line.append(cell);
        if (column < row.size() - 1) {
          line.append(" ".repeat(widths[column] - cell.length() + 2));
        }
      }
      table.append(line.toString().stripTrailing()).append('\n');
    }
    return table.toString();
  }
}
