package io.workspacebackend.session;

import io.workspacebackend.model.session.SessionPorts;
import io.workspacebackend.model.session.SessionStatus;

/**
 * What the proxies need of a session the caller may use: its owner, its state, its host ports on
 * 127.0.0.1 and the secret its services require. The secret never leaves the server.
 */
public record ProxyTarget(
    String sessionId,
    String ownerId,
    SessionStatus status,
    SessionPorts ports,
    String serviceSecret) {
  /** Never prints the secret. */
  @Override
  public String toString() {
    return "ProxyTarget[sessionId="
        + sessionId
        + ", ownerId="
        + ownerId
        + ", status="
        + status
        + ", ports="
        + ports
        + "]";
  }
}
