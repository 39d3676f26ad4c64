package io.workspacebackend.config;

/** Which container engine to use; {@code AUTO} lets the backend detect one. */
public enum RuntimeKind {
  AUTO,
  DOCKER,
  PODMAN
}
