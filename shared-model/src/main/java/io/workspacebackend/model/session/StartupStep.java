package io.workspacebackend.model.session;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A step of a session's start, in the order they usually happen, as {@code progress} reports it.
 */
public enum StartupStep {
  @JsonProperty("network")
  NETWORK("network ready"),
  @JsonProperty("container_created")
  CONTAINER_CREATED("container created"),
  @JsonProperty("container_started")
  CONTAINER_STARTED("container started"),
  @JsonProperty("opencode_ready")
  OPENCODE_READY("opencode ready"),
  @JsonProperty("files_ready")
  FILES_READY("files ready"),
  @JsonProperty("terminal_ready")
  TERMINAL_READY("terminal ready");

  private final String label;

  StartupStep(String label) {
    this.label = label;
  }

  /** A few words for people, e.g. "container started". */
  public String label() {
    return label;
  }
}
