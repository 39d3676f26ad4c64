package io.workspacebackend.auth;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Why the backend ended a live connection: the access it was opened with was withdrawn. Each
 * carries the HTTP status a new request would now get, a short reason for a WebSocket close frame
 * and a sentence for a problem body.
 */
public enum Revocation {
  SIGNED_OUT(HttpStatus.UNAUTHORIZED, "signed out", "signed out: this sign-in was revoked"),
  DISABLED(
      HttpStatus.UNAUTHORIZED, "account disabled", "the account was disabled by an administrator"),
  DEMOTED(
      HttpStatus.FORBIDDEN,
      "admin role removed",
      "the admin role was removed; this needed the admin role"),
  SESSION_DELETED(HttpStatus.NOT_FOUND, "session deleted", "the session was deleted"),
  SESSION_FAILED(
      HttpStatus.CONFLICT, "session failed", "the session failed; its services are gone"),
  SESSION_STOPPED(
      HttpStatus.CONFLICT,
      "session stopped",
      "the session was stopped; start it again with POST /api/sessions/{id}/start");

  private final HttpStatus status;
  private final String reason;
  private final String detail;

  Revocation(HttpStatus status, String reason, String detail) {
    this.status = status;
    this.reason = reason;
    this.detail = detail;
  }

  public HttpStatus status() {
    return status;
  }

  /** A few words for a WebSocket close frame, which a client can show as they are. */
  public String reason() {
    return reason;
  }

  /** The problem a stream's last event carries (a new problem each time: it is mutable). */
  public ProblemDetail problem() {
    return ProblemDetail.forStatusAndDetail(status, detail);
  }
}
