package io.workspacebackend.health;

import java.util.Map;

/** The state of one part of the server, with details a human or the console can show. */
public record ComponentHealth(String status, Map<String, Object> details) {
  public static ComponentHealth up(Map<String, Object> details) {
    return new ComponentHealth("up", details);
  }

  public static ComponentHealth down(String reason) {
    return new ComponentHealth("down", Map.of("error", reason));
  }
}
