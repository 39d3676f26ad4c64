package io.workspacebackend.container;

/** The container does not exist (any more). */
public final class ContainerNotFound extends ContainerRuntimeException {
  private static final long serialVersionUID = 1L;

  ContainerNotFound(String message, Throwable cause) {
    super(message, cause);
  }
}
