package io.workspacebackend.session;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code Authorization} each service of a session container requires, made from the session's
 * secret: one rule for the proxy, which forwards with it, and for the readiness probes.
 */
public final class ServiceCredentials {
  private ServiceCredentials() {}

  public static String opencode(String secret) {
    return "Basic " + base64("opencode:" + secret);
  }

  public static String files(String secret) {
    return "Bearer " + secret;
  }

  public static String terminal(String secret) {
    return "Basic " + terminalToken(secret);
  }

  /** What ttyd's gate expects as {@code AuthToken} in the terminal WebSocket's init message. */
  public static String terminalToken(String secret) {
    return base64("dev:" + secret);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
