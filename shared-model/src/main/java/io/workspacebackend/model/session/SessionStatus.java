package io.workspacebackend.model.session;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a session is in its life: {@code pending → starting → running → stopping → stopped}, or
 * {@code failed} from any state before {@code stopped}.
 */
public enum SessionStatus {
  @JsonProperty("pending")
  PENDING,
  @JsonProperty("starting")
  STARTING,
  @JsonProperty("running")
  RUNNING,
  @JsonProperty("stopping")
  STOPPING,
  @JsonProperty("stopped")
  STOPPED,
  @JsonProperty("failed")
  FAILED;

  /** Whether a container may still be (or become) running for a session in this state. */
  public boolean isLive() {
    return this == PENDING || this == STARTING || this == RUNNING || this == STOPPING;
  }

  /** The name used in JSON and the database. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
