package io.workspacebackend.auth;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 429 with {@code Retry-After}: too many failed sign-ins from this address or for this user. */
final class TooManyAttemptsException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  TooManyAttemptsException(Duration retryAfter) {
    super(HttpStatus.TOO_MANY_REQUESTS, problem(seconds(retryAfter)), null);
    getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
  }

  private static long seconds(Duration retryAfter) {
    // Rounded up: a client that waits exactly this long must not be refused again.
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }

  private static ProblemDetail problem(long seconds) {
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.TOO_MANY_REQUESTS, "too many failed attempts; try again in " + seconds + " s");
  }
}
