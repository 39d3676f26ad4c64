package io.workspacebackend.sessionorigin;

import io.workspacebackend.config.WorkspaceConfig;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Session origins by host name: {@code <session-id>.<server.session_domain>}, on any port. Knows
 * which requests address one, and the origin a session gets for a browser that reached the API at a
 * given host.
 */
@Component
class SessionHosts {
  /** Session ids are lower-case UUIDs, and so are their host labels. */
  private static final Pattern SESSION_ID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private static final Logger log = LoggerFactory.getLogger(SessionHosts.class);

  private final Optional<String> domain;

  @Autowired
  SessionHosts(WorkspaceConfig config) {
    this(config.server().sessionDomain());
  }

  SessionHosts(Optional<String> domain) {
    this.domain = domain;
  }

  /** Says once, at start-up, that browsers cannot open sessions here. */
  @EventListener(ApplicationReadyEvent.class)
  void warnWhenOff() {
    if (domain.isEmpty()) {
      log.warn(
          "server.session_domain is not set: browsers cannot open sessions (their pages need an"
              + " origin of their own); point a wildcard DNS name at this server and set it");
    }
  }

  /** The session domain; empty when session origins are off. */
  Optional<String> domain() {
    return domain;
  }

  /**
   * The host the request addresses, if it lies under the session domain; empty for any other host
   * (the API's own, say). A present result need not name a session: see {@link
   * SessionHost#sessionId()}.
   */
  Optional<SessionHost> addressedBy(ServerHttpRequest request) {
    String host = request.getHeaders().getFirst(HttpHeaders.HOST);
    if (domain.isEmpty() || host == null) {
      return Optional.empty();
    }
    String name = withoutPort(host.strip().toLowerCase(Locale.ROOT));
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    String suffix = "." + domain.get();
    if (!name.endsWith(suffix) || name.length() == suffix.length()) {
      return Optional.empty();
    }
    String label = name.substring(0, name.length() - suffix.length());
    return Optional.of(
        new SessionHost(
            SESSION_ID.matcher(label).matches() ? Optional.of(label) : Optional.empty()));
  }

  /**
   * The session's origin for a browser that reached the API at {@code apiHost} (a {@code Host}
   * header): scheme-relative, {@code //<id>.<domain>[:port]}, on the API's port, so that it keeps
   * the scheme the browser used, also behind a TLS-terminating proxy.
   */
  String originFor(String sessionId, String apiHost) {
    String port = portOf(apiHost.strip());
    return "//" + sessionId + "." + domain.orElseThrow() + (port.isEmpty() ? "" : ":" + port);
  }

  private static String withoutPort(String host) {
    int bracket = host.lastIndexOf(']');
    int colon = host.lastIndexOf(':');
    return colon > bracket ? host.substring(0, colon) : host;
  }

  private static String portOf(String host) {
    int bracket = host.lastIndexOf(']');
    int colon = host.lastIndexOf(':');
    return colon > bracket ? host.substring(colon + 1) : "";
  }

  /** A host under the session domain; {@code sessionId} is empty when its label is not one. */
  record SessionHost(Optional<String> sessionId) {}
}
