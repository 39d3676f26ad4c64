package io.workspacebackend.auth;

import java.util.UUID;

/**
 * What a live connection was let in on: its user, the token it presented and, for a connection into
 * a session, that session ({@code null} for an API stream such as {@code /api/events}). {@code
 * viaAdminRole} when only the admin role let it in: another user's session, or an event stream that
 * shows everyone's sessions.
 */
public record ConnectionGrant(UUID userId, String tokenId, String sessionId, boolean viaAdminRole) {
  /** A connection into a session owned by {@code ownerId}. */
  public static ConnectionGrant intoSession(SignedInUser user, String sessionId, String ownerId) {
    boolean othersSession = !user.account().id().toString().equals(ownerId);
    return new ConnectionGrant(user.account().id(), user.tokenId(), sessionId, othersSession);
  }

  /** A stream of the API that belongs to no one session. */
  public static ConnectionGrant apiStream(SignedInUser user, boolean viaAdminRole) {
    return new ConnectionGrant(user.account().id(), user.tokenId(), null, viaAdminRole);
  }
}
