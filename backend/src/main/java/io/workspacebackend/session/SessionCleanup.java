package io.workspacebackend.session;

import io.workspacebackend.container.ContainerRuntime;
import io.workspacebackend.container.ContainerSummary;
import java.time.Duration;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Removes what a session made on the engine: its container(s) and its network. */
final class SessionCleanup {
  private SessionCleanup() {}

  /**
   * Stops (gracefully, up to {@code stopTimeout}) and removes every container labelled with the
   * session — found by label, so a container whose id was never stored is found too — then the
   * network.
   */
  static Mono<Void> stopAndRemove(ContainerRuntime runtime, SessionRow row, Duration stopTimeout) {
    return containersOf(runtime, row)
        .concatMap(
            container ->
                runtime.stop(container.id(), stopTimeout).then(runtime.remove(container.id())))
        .then(runtime.removeNetwork(row.networkName()));
  }

  static Mono<Void> removeContainerAndNetwork(ContainerRuntime runtime, SessionRow row) {
    return containersOf(runtime, row)
        .concatMap(container -> runtime.remove(container.id()))
        .then(runtime.removeNetwork(row.networkName()));
  }

  private static Flux<ContainerSummary> containersOf(ContainerRuntime runtime, SessionRow row) {
    return runtime
        .listByLabels(Map.of(ContainerRuntime.SESSION_LABEL, row.id()))
        .flatMapMany(Flux::fromIterable);
  }
}
