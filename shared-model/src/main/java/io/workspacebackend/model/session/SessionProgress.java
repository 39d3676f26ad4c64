package io.workspacebackend.model.session;

import java.time.Instant;
import java.util.UUID;

/** {@code event: progress} on {@code /api/events}: a step of a session's start, done {@code at}. */
public record SessionProgress(UUID sessionId, StartupStep step, Instant at) {}
