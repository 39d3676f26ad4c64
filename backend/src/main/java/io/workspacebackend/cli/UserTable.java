package io.workspacebackend.cli;

import io.workspacebackend.model.user.QuotaOverrides;
import io.workspacebackend.model.user.QuotaText;
import io.workspacebackend.model.user.User;
import io.workspacebackend.model.user.UserQuota;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders users and the quota in effect for each as an aligned text table for {@code users}; a
 * value set for that user (not the server's default) is marked with {@code *}.
 */
final class UserTable {
  private static final List<String> HEADER =
      List.of("USERNAME", "ROLE", "STATE", "SESSIONS", "MEMORY", "CPUS");
  private static final String SET = "*";

  private UserTable() {}

  static String render(List<User> users) {
    List<List<String>> rows = new ArrayList<>();
    boolean anySet = false;
    for (User user : users) {
      UserQuota quota = user.quota();
      QuotaOverrides own = quota.overrides();
      anySet |= !own.equals(QuotaOverrides.NONE);
      rows.add(
          List.of(
              user.username(),
              user.role().wireName(),
              user.disabled() ? "disabled" : "enabled",
              quota.maxSessions() + mark(own.maxSessions()),
              (quota.maxMemoryBytes() == null
                      ? "unlimited"
                      : QuotaText.bytes(quota.maxMemoryBytes()).replace(" ", ""))
                  + mark(own.maxMemoryBytes()),
              (quota.maxCpus() == null ? "unlimited" : QuotaText.cpus(quota.maxCpus()))
                  + mark(own.maxCpus())));
    }
    String table = TextTable.render(HEADER, rows);
    return anySet
        ? table + SET + " set for this user; the others are the server's defaults\n"
        : table;
  }

  private static String mark(Object own) {
    return own == null ? "" : SET;
  }
}
