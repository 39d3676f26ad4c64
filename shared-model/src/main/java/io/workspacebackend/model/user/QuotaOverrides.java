package io.workspacebackend.model.user;

/**
 * A user's own quota values, each {@code null} where the server's default applies: the body of
 * {@code PUT /api/users/{id}/quota} (which replaces all three) and {@link UserQuota#overrides()}.
 * {@code maxSessions} is at least 0 (0: no live session at all); {@code maxMemoryBytes} (the total
 * memory limit of the user's live sessions) and {@code maxCpus} (their total CPU limit, in cores)
 * are greater than 0.
 */
public record QuotaOverrides(Integer maxSessions, Long maxMemoryBytes, Double maxCpus) {
  /** Every value from the server's defaults. */
  public static final QuotaOverrides NONE = new QuotaOverrides(null, null, null);
}
