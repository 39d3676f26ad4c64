package io.workspacebackend.proxy;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.session.ProxyTarget;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * What a session's state means for a proxied request: a stopping, stopped or failed session gets
 * 409; a service that does not answer is "not yet" (503, {@code Retry-After: 1}) while the session
 * starts, and a failure (502, or 504 on a timeout) once it runs.
 */
final class StartupGate {
  private StartupGate() {}

  static Mono<ProxyTarget> admit(ProxyTarget target) {
    SessionStatus status = target.status();
    if (status == SessionStatus.STOPPING
        || status == SessionStatus.STOPPED
        || status == SessionStatus.FAILED) {
      return Mono.error(new SessionInactiveException(status));
    }
    return Mono.just(target);
  }

  /** The error to answer with when dialling {@code upstream} failed before it responded. */
  static Throwable failure(Upstream upstream, Throwable error) {
    if (error instanceof ErrorResponse) {
      return error;
    }
    if (upstream.starting() && notListening(error)) {
      return new ServiceStartingException(upstream, error);
    }
    boolean timeout = error instanceof TimeoutException || error instanceof ConnectTimeoutException;
    return new UpstreamFailedException(
        upstream, timeout ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY, error);
  }

  /**
   * Refused, reset, or closed before answering: Docker's port proxy accepts a connection and closes
   * it while nothing listens in the container yet.
   */
  static boolean notListening(Throwable error) {
    return error instanceof IOException
        || error instanceof PrematureCloseException
        || error instanceof WebSocketClientHandshakeException;
  }
}
