package io.workspacebackend.auth;

import java.time.Instant;
import java.util.UUID;

/** What a valid token says: whose it is, its id and when it expires. */
record TokenClaims(UUID userId, String tokenId, Instant expiresAt) {}
