package io.workspacebackend.model.user;

/**
 * The quota that applies to a user's live sessions: how many, and their total memory and CPU
 * limits. {@code maxMemoryBytes} and {@code maxCpus} are {@code null} when unlimited. {@code
 * overrides} says which values were set for this user; the others are the server's defaults.
 */
public record UserQuota(
    int maxSessions, Long maxMemoryBytes, Double maxCpus, QuotaOverrides overrides) {}
