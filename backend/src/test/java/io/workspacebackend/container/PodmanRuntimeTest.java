package io.workspacebackend.container;

import io.workspacebackend.config.RuntimeKind;

/** {@link ContainerRuntimeContract} against Podman's Docker-compatible socket. */
class PodmanRuntimeTest extends ContainerRuntimeContract {
  @Override
  RuntimeKind kind() {
    return RuntimeKind.PODMAN;
  }
}
