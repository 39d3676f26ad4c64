package io.workspacebackend.session;

import io.workspacebackend.container.ContainerRuntime;
import io.workspacebackend.session.SessionLauncher.WorkspaceMovedException;
import java.nio.file.Path;
import reactor.core.publisher.Mono;

/**
 * The one check, for sessions and warm slots alike, that the engine recorded exactly the expected
 * directory as the source of a container's workspace mount: a container never runs on a mount of
 * anything else.
 */
final class MountSource {
  private MountSource() {}

  /** Errors with {@link WorkspaceMovedException} unless the engine recorded {@code expected}. */
  static Mono<Void> check(ContainerRuntime runtime, String containerId, Path expected) {
    return runtime
        .inspect(containerId)
        .flatMap(
            state -> {
              String source =
                  state
                      .map(found -> found.mounts().get(SessionContainers.WORKSPACE_MOUNT))
                      .orElse(null);
              return expected.toString().equals(source)
                  ? Mono.<Void>empty()
                  : Mono.error(
                      new WorkspaceMovedException(
                          "the engine mounted " + source + " instead of " + expected));
            });
  }
}
