package io.workspacebackend.model.auth;

import io.workspacebackend.model.user.User;
import java.time.Instant;

/** Answer of login and register: who signed in, the token and when it expires. */
public record SignedIn(User user, String token, Instant expiresAt) {}
