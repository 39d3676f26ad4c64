package io.workspacebackend.container;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What sessions need from a container engine, the same for Docker and Podman. Every method is lazy
 * and runs its engine call on the runtime's own bounded scheduler, so a caller on a Netty thread
 * can compose it freely; errors arrive as {@link ContainerRuntimeException}s. Obtain one with
 * {@link ContainerRuntimes#connect(DetectedRuntime)}; closing it releases its connections.
 */
public interface ContainerRuntime extends AutoCloseable {
  /** The label every container and network created through this type carries. */
  String MANAGED_LABEL = "io.workspace-backend.managed";

  /** Labels naming the session a container or network belongs to. */
  String SESSION_LABEL = "io.workspace-backend.session";

  /** Labels naming the user who owns a container or network. */
  String OWNER_LABEL = "io.workspace-backend.owner";

  /** The engine this runtime talks to: kind, socket and versions. */
  DetectedRuntime engine();

  /** Whether the image (name with tag, or id) exists on the engine. */
  Mono<Boolean> imagePresent(String image);

  /** The id of the image a name (with tag) stands for now, or empty if there is none. */
  Mono<Optional<String>> imageId(String image);

  /**
   * Creates (does not start) a hardened container and emits its id. The spec's labels are added to
   * {@link #MANAGED_LABEL}; ports are published on 127.0.0.1 only.
   */
  Mono<String> create(ContainerSpec spec);

  /** Starts a created or stopped container; starting a running one is not an error. */
  Mono<Void> start(String id);

  /**
   * Asks the main process to stop (its stop signal), kills it after {@code timeout}, and completes
   * once it has exited. Stopping a stopped container is not an error.
   */
  Mono<Void> stop(String id, Duration timeout);

  /** Removes a container, running or not, with its anonymous volumes; a missing one is fine. */
  Mono<Void> remove(String id);

  /** The container's current state, or empty if it does not exist. */
  Mono<Optional<ContainerState>> inspect(String id);

  /** Containers in any state that carry all the given labels. */
  Mono<List<ContainerSummary>> listByLabels(Map<String, String> labels);

  /**
   * Container lifecycle events for containers carrying all the given labels, from now on. The flux
   * never completes by itself; cancelling it closes the engine connection. It does not reconnect: a
   * caller that wants to survive an engine restart re-subscribes (and reconciles with {@link
   * #listByLabels}).
   */
  Flux<RuntimeEvent> events(Map<String, String> labels);

  /**
   * The container's output (stdout and stderr interleaved), one element per line without its line
   * break. {@code tail} lines of the past ({@code -1} for all), then, with {@code follow}, what it
   * prints until it stops or the subscriber cancels.
   */
  Flux<String> logs(String id, int tail, boolean follow);

  /**
   * One resource sample of a running container, CPU measured over the engine's sampling interval.
   */
  Mono<ContainerStats> stats(String id);

  /** Creates a bridge network whose containers cannot reach other networks' containers. */
  Mono<String> createNetwork(String name, Map<String, String> labels);

  /** Removes a network; a missing one is fine. */
  Mono<Void> removeNetwork(String name);

  /** Releases the connections and the scheduler; streams still open end with an error. */
  @Override
  void close();
}
