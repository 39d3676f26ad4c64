package io.workspacebackend.proxy;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Every upstream connection is in use and the queue of requests waiting for one is full: the
 * request is refused at once rather than queued without bound.
 */
final class ProxyBusyException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  ProxyBusyException(Throwable cause) {
    super(HttpStatus.SERVICE_UNAVAILABLE, cause);
    getBody().setDetail("the server has too many requests into sessions under way; retry shortly");
    getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
  }
}
