package io.workspacebackend.proxy;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A service of a session that is still starting does not listen yet: retry in a second. */
final class ServiceStartingException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  ServiceStartingException(Upstream upstream, Throwable cause) {
    super(HttpStatus.SERVICE_UNAVAILABLE, cause);
    getBody()
        .setDetail(
            "the session is "
                + upstream.status().wireName()
                + " and its "
                + upstream.service().segment
                + " service does not answer yet; retry shortly");
    getBody().setProperty("status", upstream.status().wireName());
    getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
  }
}
