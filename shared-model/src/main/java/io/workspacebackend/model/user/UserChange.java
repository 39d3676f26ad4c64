package io.workspacebackend.model.user;

/**
 * Body of {@code PATCH /api/users/{id}}: the fields to change, {@code null} for those to keep.
 * {@code role} is {@code "admin"} or {@code "user"}.
 */
public record UserChange(String role, Boolean disabled) {}
