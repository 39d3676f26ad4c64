package io.workspacebackend.proxy;

import io.workspacebackend.model.session.SessionPorts;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The three services of a session container, each with its host port and its own credential. */
enum ProxiedService {
  OPENCODE("opencode") {
    @Override
    int port(SessionPorts ports) {
      return ports.opencode();
    }

    @Override
    String credential(String secret) {
      return "Basic " + base64("opencode:" + secret);
    }
  },
  FILES("files") {
    @Override
    int port(SessionPorts ports) {
      return ports.fileserver();
    }

    @Override
    String credential(String secret) {
      return "Bearer " + secret;
    }
  },
  TERMINAL("terminal") {
    @Override
    int port(SessionPorts ports) {
      return ports.ttyd();
    }

    @Override
    String credential(String secret) {
      return "Basic " + ttydAuthToken(secret);
    }
  };

  /** The path segment after {@code /sessions/{id}/}. */
  final String segment;

  ProxiedService(String segment) {
    this.segment = segment;
  }

  abstract int port(SessionPorts ports);

  /** The {@code Authorization} value the service inside the container requires. */
  abstract String credential(String secret);

  /** What ttyd expects as {@code AuthToken} in its WebSocket's init message. */
  static String ttydAuthToken(String secret) {
    return base64("dev:" + secret);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
