package io.workspacebackend.session;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Every host port from {@code container.base_port} up is taken. */
final class NoFreePortsException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  NoFreePortsException(int basePort) {
    super(HttpStatus.SERVICE_UNAVAILABLE);
    getBody().setDetail("no three free host ports from " + basePort + " up; stop some sessions");
  }
}
