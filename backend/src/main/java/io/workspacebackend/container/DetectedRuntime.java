package io.workspacebackend.container;

import io.workspacebackend.config.RuntimeKind;
import java.net.URI;
import java.util.Optional;

/**
 * The engine that answered: which runtime, where, its versions (shown by health), and, for rootless
 * Podman, the account it runs as and what it cannot enforce.
 */
public record DetectedRuntime(
    RuntimeKind kind,
    URI socket,
    String source,
    String engineVersion,
    String apiVersion,
    Optional<RootlessEngine> rootless) {

  /** {@code "docker"} or {@code "podman"}, as the session's {@code runtime} field says it. */
  public String name() {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The host uid that owns what a container's user {@code containerUid} writes to a bind mount, and
   * so must be able to write the workspace: that uid itself, except on rootless Podman, where
   * sessions run with {@code keep-id} and their user is the engine's own account.
   */
  public int hostUidOf(int containerUid) {
    return rootless.map(RootlessEngine::uid).orElse(containerUid);
  }

  /** As {@link #hostUidOf}, for the container's group. */
  public int hostGidOf(int containerGid) {
    return rootless.map(RootlessEngine::gid).orElse(containerGid);
  }
}
