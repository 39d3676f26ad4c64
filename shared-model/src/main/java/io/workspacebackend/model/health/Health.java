package io.workspacebackend.model.health;

import java.util.Map;

/**
 * {@code GET /api/health}: {@code ok} or {@code unavailable}, and the state of each part.
 *
 * @param status {@code ok} when every part is up, else {@code unavailable}
 * @param runtime the container runtime
 * @param image the default session image
 * @param database the SQLite database
 */
public record Health(String status, Part runtime, Part image, Part database) {

  /** One part's state ({@code up} or {@code down}) with details for people to read. */
  public record Part(String status, Map<String, Object> details) {}
}
