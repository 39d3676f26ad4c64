package io.workspacebackend.proxy;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A running session's service refused, failed or timed out: 502 (504 for a timeout). */
final class UpstreamFailedException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  UpstreamFailedException(Upstream upstream, HttpStatus status, Throwable cause) {
    super(status, cause);
    getBody()
        .setDetail(
            "the session's "
                + upstream.service().segment
                + " service "
                + (status == HttpStatus.GATEWAY_TIMEOUT
                    ? "did not answer in time"
                    : "failed: " + describe(cause)));
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
  }
}
