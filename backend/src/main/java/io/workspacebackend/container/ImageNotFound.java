package io.workspacebackend.container;

/** The image a container was to be created from does not exist on the engine. */
public final class ImageNotFound extends ContainerRuntimeException {
  private static final long serialVersionUID = 1L;

  ImageNotFound(String message, Throwable cause) {
    super(message, cause);
  }
}
