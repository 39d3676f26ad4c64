package io.workspacebackend.container;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/** Turns docker-java's failures into the package's named exceptions. */
final class EngineErrors {
  private EngineErrors() {}

  /**
   * Maps a failure of an operation ({@code what}, e.g. "start container abc") on the engine at
   * {@code engine}. Connection failures and timeouts become {@link RuntimeUnavailable}; a 404 is a
   * missing container unless the engine says it is about an image.
   */
  static ContainerRuntimeException map(Throwable error, String what, DetectedRuntime engine) {
    if (error instanceof ContainerRuntimeException known) {
      return known;
    }
    if (error instanceof NotFoundException notFound) {
      String message = engineMessage(notFound);
      if (message.toLowerCase(Locale.ROOT).contains("image")) {
        return new ImageNotFound(what + ": " + message, error);
      }
      return new ContainerNotFound(what + ": " + message, error);
    }
    if (error instanceof ConflictException conflict) {
      return new ContainerConflict(what + ": " + engineMessage(conflict), error);
    }
    if (error instanceof DockerException docker
        && EngineDialect.of(engine.kind())
            .isConflict(docker.getHttpStatus(), engineMessage(docker))) {
      return new ContainerConflict(what + ": " + engineMessage(docker), error);
    }
    if (error instanceof DockerException docker) {
      return new EngineFailure(
          what
              + ": "
              + engine.name()
              + " answered "
              + docker.getHttpStatus()
              + ": "
              + engineMessage(docker),
          error);
    }
    if (isUnreachable(error)) {
      return new RuntimeUnavailable(
          what
              + ": "
              + engine.name()
              + " at "
              + engine.socket()
              + " is unavailable: "
              + rootMessage(error),
          error);
    }
    return new EngineFailure(what + ": " + rootMessage(error), error);
  }

  private static boolean isUnreachable(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException || cause instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }

  /**
   * docker-java puts the engine's JSON body in the message: {"message":"No such container: x"}. The
   * message may contain escaped quotes (Podman's "the container name \"x\" is already in use").
   */
  private static String engineMessage(DockerException error) {
    String message = error.getMessage() == null ? "" : error.getMessage();
    String key = "\"message\":\"";
    int start = message.indexOf(key);
    if (start < 0) {
      return message.strip();
    }
    StringBuilder text = new StringBuilder();
    for (int i = start + key.length(); i < message.length(); i++) {
      char c = message.charAt(i);
      if (c == '\\' && i + 1 < message.length()) {
        text.append(message.charAt(++i));
      } else if (c == '"') {
        break;
      } else {
        text.append(c);
      }
    }
    return text.toString();
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null ? root.getClass().getSimpleName() : message.strip();
  }
}
