package io.workspacebackend.container;

/** The engine cannot be reached or did not answer in time; retryable (the API answers 503). */
public final class RuntimeUnavailable extends ContainerRuntimeException {
  private static final long serialVersionUID = 1L;

  RuntimeUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
