package io.workspacebackend.container;

import io.workspacebackend.config.RuntimeKind;
import java.net.URI;

/** The engine that answered: which runtime, where, and its versions (shown by health). */
public record DetectedRuntime(
    RuntimeKind kind, URI socket, String source, String engineVersion, String apiVersion) {

  /** {@code "docker"} or {@code "podman"}, as the session's {@code runtime} field says it. */
  public String name() {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
