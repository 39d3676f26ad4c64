package io.workspacebackend.model.session;

import java.util.UUID;

/** {@code event: deleted} on {@code /api/events}: the session is gone, its last event. */
public record SessionDeleted(UUID sessionId) {}
