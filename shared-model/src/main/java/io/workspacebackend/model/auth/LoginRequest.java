package io.workspacebackend.model.auth;

/** Body of {@code POST /api/auth/login}. */
public record LoginRequest(String username, String password) {}
