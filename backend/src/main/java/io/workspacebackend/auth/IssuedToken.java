package io.workspacebackend.auth;

import java.time.Instant;

/** A freshly signed token with its id ({@code jti}) and expiry. */
record IssuedToken(String token, String tokenId, Instant expiresAt) {}
