package io.workspacebackend.model.user;

import java.time.Instant;
import java.util.UUID;

/**
 * A user as the API shows it; never carries a password hash. {@code quota} is the quota in effect
 * for the user's sessions.
 */
public record User(
    UUID id, String username, Role role, boolean disabled, Instant createdAt, UserQuota quota) {}
