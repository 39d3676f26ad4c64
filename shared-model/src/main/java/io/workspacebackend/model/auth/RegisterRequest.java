package io.workspacebackend.model.auth;

/** Body of {@code POST /api/auth/register}. */
public record RegisterRequest(String inviteCode, String username, String password) {}
