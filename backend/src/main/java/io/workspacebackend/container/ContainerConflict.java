package io.workspacebackend.container;

/**
 * The engine refused because of the current state, e.g. the name is taken or the container is
 * running.
 */
public final class ContainerConflict extends ContainerRuntimeException {
  private static final long serialVersionUID = 1L;

  ContainerConflict(String message, Throwable cause) {
    super(message, cause);
  }
}
