package io.workspacebackend.proxy;

import io.workspacebackend.auth.Revocation;

/**
 * WebSocket close codes as they cross the proxy. Codes a peer may send pass unchanged; the ones
 * that only describe what happened locally (RFC 6455 §7.4.1: 1005 no status, 1006 abnormal, 1015
 * TLS) cannot be sent and are mapped to the nearest sendable code.
 */
final class CloseCodes {
  static final int NORMAL = 1000;
  static final int GOING_AWAY = 1001;
  static final int INTERNAL_ERROR = 1011;
  static final int TRY_AGAIN_LATER = 1013;
  private static final int MAX_REASON_BYTES = 123;

  private CloseCodes() {}

  /**
   * The backend ended the connection because the access it was opened with was withdrawn: 4000 plus
   * the HTTP status a new request would now get (4401 signed out or account disabled, 4403 admin
   * role removed, 4404 session deleted, 4409 session failed), in the range RFC 6455 leaves to
   * applications.
   */
  static int revoked(Revocation why) {
    return 4000 + why.status().value();
  }

  static int forwardable(int code) {
    if (code == 1005) {
      return NORMAL;
    }
    if (code == 1006) {
      return GOING_AWAY;
    }
    boolean sendable =
        (code >= 1000 && code <= 1003)
            || (code >= 1007 && code <= 1014)
            || (code >= 3000 && code <= 4999);
    return sendable ? code : INTERNAL_ERROR;
  }

  /** A close reason cut to what fits in a close frame (123 bytes of UTF-8). */
  static String reason(String reason) {
    if (reason == null) {
      return "";
    }
    String cut = reason;
    while (cut.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut;
  }
}
