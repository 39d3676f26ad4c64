package io.workspacebackend.container;

import io.workspacebackend.config.RuntimeKind;

/** {@link ContainerRuntimeContract} against the Docker engine. */
class DockerRuntimeTest extends ContainerRuntimeContract {
  @Override
  RuntimeKind kind() {
    return RuntimeKind.DOCKER;
  }
}
