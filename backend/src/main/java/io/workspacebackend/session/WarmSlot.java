package io.workspacebackend.session;

import io.workspacebackend.model.session.SessionPorts;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A warm slot, as {@code warm_slots} stores it: a container of {@code image} (whose id was {@code
 * imageId}) waiting to become the session whose id is the slot's. Until then it mounts {@code
 * directory}, an empty directory of the backend's own, whose identity is {@code directoryKey}; its
 * container and network carry the names and labels of that session-to-be.
 */
record WarmSlot(
    String id,
    State state,
    String image,
    String imageId,
    Path directory,
    String directoryKey,
    String containerId,
    String containerName,
    String networkName,
    String serviceSecret,
    SessionPorts ports,
    Instant createdAt) {

  /** Being launched, or launched with its services answering. */
  enum State {
    STARTING,
    READY
  }

  WarmSlot ready(String newContainerId, String newDirectoryKey) {
    return new WarmSlot(
        id,
        State.READY,
        image,
        imageId,
        directory,
        newDirectoryKey,
        newContainerId,
        containerName,
        networkName,
        serviceSecret,
        ports,
        createdAt);
  }

  /** Never prints the service secret: slots end up in log lines. */
  @Override
  public String toString() {
    return "WarmSlot[id=" + id + ", state=" + state + ", container=" + containerId + "]";
  }
}
