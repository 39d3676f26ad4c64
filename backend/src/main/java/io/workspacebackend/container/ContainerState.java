package io.workspacebackend.container;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine knows about a container. {@code hostPorts} maps each published container port to
 * its port on 127.0.0.1; {@code mounts} maps each mount's path in the container to its source on
 * the host, as the engine recorded it; {@code oomKilled} is the engine's word or, where the engine
 * cannot tell, {@link EngineDialect}'s inference.
 */
public record ContainerState(
    String id,
    String name,
    boolean running,
    String status,
    int exitCode,
    boolean oomKilled,
    String error,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt,
    Map<String, String> labels,
    Map<Integer, Integer> hostPorts,
    Map<String, String> mounts) {

  public ContainerState {
    labels = Map.copyOf(labels);
    hostPorts = Map.copyOf(hostPorts);
    mounts = Map.copyOf(mounts);
  }
}
