package io.workspacebackend.proxy;

import io.workspacebackend.model.session.SessionPorts;
import io.workspacebackend.session.ServiceCredentials;
import java.util.Arrays;
import java.util.Optional;

/**
 * The three services of a session container: each with its host port, its own credential, its name
 * in paths and in {@code ?service=}, and where it sits on the session's own origin (each at the
 * root its pages expect: opencode's web UI at {@code /}, ttyd's page at {@code /terminal/}).
 */
public enum ProxiedService {
  OPENCODE("opencode", "", "/") {
    @Override
    int port(SessionPorts ports) {
      return ports.opencode();
    }

    @Override
    String credential(String secret) {
      return ServiceCredentials.opencode(secret);
    }
  },
  FILES("files", "/files", "/files/tree") {
    @Override
    int port(SessionPorts ports) {
      return ports.fileserver();
    }

    @Override
    String credential(String secret) {
      return ServiceCredentials.files(secret);
    }
  },
  TERMINAL("terminal", "/terminal", "/terminal/") {
    @Override
    int port(SessionPorts ports) {
      return ports.ttyd();
    }

    @Override
    String credential(String secret) {
      return ServiceCredentials.terminal(secret);
    }
  };

  /** The path segment after {@code /sessions/{id}/}, and the service's name in the API. */
  final String segment;

  /** Its path prefix on the session's own origin; empty for the root. */
  final String originPrefix;

  /** The page a browser opening the service lands on, on the session's own origin. */
  private final String landing;

  ProxiedService(String segment, String originPrefix, String landing) {
    this.segment = segment;
    this.originPrefix = originPrefix;
    this.landing = landing;
  }

  /** The service called {@code name} ({@code opencode}, {@code files} or {@code terminal}). */
  public static Optional<ProxiedService> named(String name) {
    return Arrays.stream(values()).filter(service -> service.segment.equals(name)).findFirst();
  }

  /** The names {@link #named} accepts, for error messages. */
  public static String names() {
    return String.join(", ", Arrays.stream(values()).map(service -> service.segment).toList());
  }

  public String landing() {
    return landing;
  }

  abstract int port(SessionPorts ports);

  /** The {@code Authorization} value the service inside the container requires. */
  abstract String credential(String secret);

  /** What ttyd expects as {@code AuthToken} in its WebSocket's init message. */
  static String ttydAuthToken(String secret) {
    return ServiceCredentials.terminalToken(secret);
  }
}
