package io.workspacebackend.user;

import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.model.user.QuotaOverrides;
import io.workspacebackend.model.user.UserQuota;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The limits on one user's live sessions: how many there may be, and the most memory (bytes) and
 * CPUs (cores) they may have in total, each session counting its container limits. An empty total
 * is unlimited.
 */
public record Quota(int maxSessions, OptionalLong maxMemoryBytes, OptionalDouble maxCpus) {

  /** The server's defaults: {@code sessions.max_per_user}, {@code max_memory_per_user}, … */
  static Quota defaults(WorkspaceConfig.Sessions sessions) {
    return new Quota(
        sessions.maxPerUser(),
        sessions
            .maxMemoryPerUser()
            .map(size -> OptionalLong.of(size.toBytes()))
            .orElse(OptionalLong.empty()),
        sessions.maxCpusPerUser().map(OptionalDouble::of).orElse(OptionalDouble.empty()));
  }

  /** This quota with the values {@code overrides} sets in place of its own. */
  Quota overriddenBy(QuotaOverrides overrides) {
    return new Quota(
        overrides.maxSessions() != null ? overrides.maxSessions() : maxSessions,
        overrides.maxMemoryBytes() != null
            ? OptionalLong.of(overrides.maxMemoryBytes())
            : maxMemoryBytes,
        overrides.maxCpus() != null ? OptionalDouble.of(overrides.maxCpus()) : maxCpus);
  }

  /** As the {@code user} JSON shows it: unlimited totals are {@code null}. */
  UserQuota toApi(QuotaOverrides overrides) {
    return new UserQuota(
        maxSessions,
        maxMemoryBytes.isPresent() ? maxMemoryBytes.getAsLong() : null,
        maxCpus.isPresent() ? maxCpus.getAsDouble() : null,
        overrides);
  }
}
