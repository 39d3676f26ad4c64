package io.workspacebackend.model.invite;

/**
 * Body of {@code POST /api/invite-codes}; every field may be {@code null} for its default (one
 * code, one use, never expires, role {@code "user"}). {@code expiresIn} is like {@code "7d"},
 * {@code "12h"} or an ISO-8601 duration.
 */
public record InviteRequest(
    Integer count, Integer maxUses, String expiresIn, String role, String note) {}
