package io.workspacebackend.proxy;

import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.session.ProxyTarget;
import java.net.URI;

/**
 * One service of one session as the proxy dials it: {@code 127.0.0.1:port}, the prefix clients
 * address it under, its credential, and the session's status (which decides 503 or 502 when it does
 * not answer).
 */
record Upstream(
    ProxiedService service, String prefix, int port, String secret, SessionStatus status) {

  static Upstream of(ProxyTarget target, ProxiedService service, Mount mount) {
    return new Upstream(
        service,
        mount.prefix(target.sessionId(), service),
        service.port(target.ports()),
        target.serviceSecret(),
        target.status());
  }

  URI http(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  URI webSocket(String pathAndQuery) {
    return URI.create("ws://127.0.0.1:" + port + pathAndQuery);
  }

  String credential() {
    return service.credential(secret);
  }

  boolean starting() {
    return status.isStarting();
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "Upstream[" + service + " " + prefix + " -> 127.0.0.1:" + port + ", " + status + "]";
  }
}
