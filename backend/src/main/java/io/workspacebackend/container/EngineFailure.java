package io.workspacebackend.container;

/**
 * The engine answered with an error that has no more specific type here; the message is the
 * engine's.
 */
public final class EngineFailure extends ContainerRuntimeException {
  private static final long serialVersionUID = 1L;

  EngineFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
