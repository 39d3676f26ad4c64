package io.workspacebackend.model.session;

import java.util.UUID;

/** Where a session's services are reached through the backend's proxies. */
public record SessionUrls(String opencode, String files, String terminal) {
  public static SessionUrls of(UUID sessionId) {
    String base = "/sessions/" + sessionId;
    return new SessionUrls(base + "/opencode/", base + "/files/", base + "/terminal");
  }
}
