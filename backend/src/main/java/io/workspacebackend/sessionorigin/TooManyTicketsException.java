package io.workspacebackend.sessionorigin;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 429: the server holds as many unredeemed tickets as it keeps; they expire within seconds. */
final class TooManyTicketsException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  TooManyTicketsException(Duration retryAfter) {
    super(HttpStatus.TOO_MANY_REQUESTS);
    getBody().setDetail("too many session links are waiting to be used; try again shortly");
    getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
  }
}
