package io.workspacebackend.model.session;

import java.time.Instant;
import java.util.UUID;

/**
 * A workspace session as the API shows it; {@code null} fields are not known (yet). {@code
 * stopReason} says why a {@code stopping} or {@code stopped} session was stopped.
 */
public record Session(
    UUID id,
    String name,
    UUID userId,
    SessionStatus status,
    String image,
    String workspacePath,
    String containerId,
    String containerName,
    String runtime,
    SessionPorts ports,
    SessionUrls urls,
    Instant createdAt,
    Instant startedAt,
    Instant stoppedAt,
    String errorMessage,
    Integer exitCode,
    String stopReason) {}
