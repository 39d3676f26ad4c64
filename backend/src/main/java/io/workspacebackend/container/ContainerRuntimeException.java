package io.workspacebackend.container;

/** Why an engine call failed, as a closed set callers can map to HTTP statuses. */
public abstract sealed class ContainerRuntimeException extends RuntimeException
    permits ImageNotFound, ContainerNotFound, ContainerConflict, RuntimeUnavailable, EngineFailure {
  private static final long serialVersionUID = 1L;

  ContainerRuntimeException(String message, Throwable cause) {
    super(message, cause);
  }
}
