package io.workspacebackend.proxy;

/**
 * Where a request reached a session's service. The two places differ in the path prefix that is
 * stripped before forwarding (and reported as {@code X-Forwarded-Prefix}); everything else, from
 * the access check to the stream, is the same code.
 */
public enum Mount {
  /** {@code /sessions/{id}/<service>/…} on the API's origin: for programs; pages are sandboxed. */
  PATH_ROUTE {
    @Override
    String prefix(String sessionId, ProxiedService service) {
      return "/sessions/" + sessionId + "/" + service.segment;
    }
  },
  /** {@code <id>.<session_domain>}: the session's own origin, where browsers use its pages. */
  SESSION_ORIGIN {
    @Override
    String prefix(String sessionId, ProxiedService service) {
      return service.originPrefix;
    }
  };

  /** The path prefix the service is addressed under here, without a trailing slash. */
  abstract String prefix(String sessionId, ProxiedService service);

  /** How many leading path segments {@code prefix} has. */
  static int segments(String prefix) {
    return (int) prefix.chars().filter(c -> c == '/').count();
  }
}
