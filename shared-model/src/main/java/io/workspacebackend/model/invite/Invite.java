package io.workspacebackend.model.invite;

import io.workspacebackend.model.user.Role;
import java.time.Instant;

/**
 * An invite code and its state. {@code expiresAt} is {@code null} for a code that never expires;
 * {@code createdBy} is the admin's username, or {@code null} for a code made with the CLI.
 */
public record Invite(
    String code,
    Role role,
    int maxUses,
    int uses,
    Instant expiresAt,
    boolean revoked,
    String note,
    Instant createdAt,
    String createdBy) {}
