package io.workspacebackend.sessionorigin;

import java.time.Instant;
import java.util.UUID;

/**
 * What a ticket lets its bearer do once: sign in to one session's origin as {@code userId}, on the
 * strength of the login token {@code tokenId} that asked for it, and land on {@code landing}.
 */
record SessionTicket(
    UUID userId,
    String tokenId,
    Instant tokenExpiresAt,
    String sessionId,
    String landing,
    Instant expiresAt) {}
