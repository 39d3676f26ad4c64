package io.workspacebackend.proxy;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A WebSocket upgrade from a page of an origin this server does not trust. */
final class ForeignOriginException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  ForeignOriginException(String origin) {
    super(HttpStatus.FORBIDDEN);
    getBody()
        .setDetail(
            "WebSocket connections from origin "
                + origin
                + " are not allowed; add it to server.allowed_origins to allow it");
  }
}
