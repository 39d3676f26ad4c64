package io.workspacebackend.container;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A container lifecycle event. {@code exitCode} is present on {@link Type#DIE} only; {@code labels}
 * are the container's labels.
 */
public record RuntimeEvent(
    Type type,
    String containerId,
    String containerName,
    OptionalInt exitCode,
    Map<String, String> labels,
    Instant time) {

  public RuntimeEvent {
    labels = Map.copyOf(labels);
  }

  /** The events sessions react to; engines' other events are not passed on. */
  public enum Type {
    CREATE,
    START,
    /** A signal was sent through the engine (kill, or a stop escalating). */
    KILL,
    STOP,
    /** The kernel's OOM killer killed a process of the container; a DIE usually follows. */
    OOM,
    DIE,
    DESTROY
  }
}
