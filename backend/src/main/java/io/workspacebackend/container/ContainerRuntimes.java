package io.workspacebackend.container;

/** Creates the {@link ContainerRuntime} for a detected engine. */
public final class ContainerRuntimes {
  private ContainerRuntimes() {}

  /**
   * A runtime talking to {@code engine}. No connection is made yet: an unreachable engine shows as
   * {@link RuntimeUnavailable} on the first call.
   */
  public static ContainerRuntime connect(DetectedRuntime engine) {
    return new DockerApiRuntime(engine);
  }
}
