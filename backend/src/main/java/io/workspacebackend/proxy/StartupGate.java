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
import reactor.netty.internal.shaded.reactor.pool.PoolAcquirePendingLimitException;

/**
 * What a session's state means for a proxied request: a stopping, stopped or failed session gets
 * 409; an HTTP request into a session still starting gets 503 with {@code Retry-After} and is not
 * forwarded, while the terminal's WebSocket waits for ttyd instead; a running session's service
 * that fails gets 502, or 504 when it does not answer in time.
 */
public final class StartupGate {
  private StartupGate() {}

  /**
   * For the terminal, which keeps dialling ttyd while the session starts, and for tickets to a
   * session's origin.
   */
  public static Mono<ProxyTarget> admit(ProxyTarget target) {
    SessionStatus status = target.status();
    if (!status.isProxied() && !status.isStarting()) {
      return Mono.error(new SessionInactiveException(target.sessionId(), status));
    }
    return Mono.just(target);
  }

  /** For HTTP, which is forwarded only once all three services answer their health checks. */
  static Mono<ProxyTarget> admitHttp(ProxyTarget target) {
    SessionStatus status = target.status();
    if (status.isStarting()) {
      return Mono.error(new SessionStartingException(status));
    }
    return admit(target);
  }

  /** The error to answer with when a forwarded request failed before its answer began. */
  static Throwable failure(Upstream upstream, Throwable error) {
    if (error instanceof ErrorResponse) {
      return error;
    }
    if (error instanceof PoolAcquirePendingLimitException) {
      return new ProxyBusyException(error);
    }
    return new UpstreamFailedException(
        upstream, timedOut(error) ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY, error);
  }

  /** The connect timeout, the response timeout (a read timeout), or the pool's acquire timeout. */
  private static boolean timedOut(Throwable error) {
    return error instanceof TimeoutException
        || error instanceof ConnectTimeoutException
        || error instanceof io.netty.handler.timeout.TimeoutException;
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
