package io.workspacebackend.model.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a session is in its life, and the one table of what each state means and where it may go:
 *
 * <pre>
 * state     live  proxied  starting  may move to
 * pending   yes   no       yes       starting, stopping, failed
 * starting  yes   no       yes       running, stopping, failed
 * running   yes   yes      no        stopping, failed
 * stopping  yes   no       no        stopped
 * stopped   no    no       no        starting
 * failed    no    no       no        starting, stopping
 * </pre>
 *
 * <p><b>Live</b>: a container may exist or run for the session; it holds its host ports and counts
 * against its user's limits. <b>Proxied</b>: requests are forwarded into it. <b>Starting</b>: the
 * proxies answer 503 (HTTP) or wait (the terminal) instead of 409. A failed session may be stopping
 * only on its way to deletion; {@code stopped} always means stopped with its workspace and settings
 * kept. A session is created {@code pending}, or {@code running} when it takes over a warm
 * container that already runs. Deleting a session is no state: its row and its last event ({@code
 * deleted}) go.
 */
public enum SessionStatus {
  @JsonProperty("pending")
  PENDING(true, false, true),
  @JsonProperty("starting")
  STARTING(true, false, true),
  @JsonProperty("running")
  RUNNING(true, true, false),
  @JsonProperty("stopping")
  STOPPING(true, false, false),
  @JsonProperty("stopped")
  STOPPED(false, false, false),
  @JsonProperty("failed")
  FAILED(false, false, false);

  private final boolean live;
  private final boolean proxied;
  private final boolean starting;

  SessionStatus(boolean live, boolean proxied, boolean starting) {
    this.live = live;
    this.proxied = proxied;
    this.starting = starting;
  }

  /** The states this one may move to (see the table above). */
  public Set<SessionStatus> next() {
    return switch (this) {
      case PENDING -> EnumSet.of(STARTING, STOPPING, FAILED);
      case STARTING -> EnumSet.of(RUNNING, STOPPING, FAILED);
      case RUNNING -> EnumSet.of(STOPPING, FAILED);
      case STOPPING -> EnumSet.of(STOPPED);
      case STOPPED -> EnumSet.of(STARTING);
      case FAILED -> EnumSet.of(STARTING, STOPPING);
    };
  }

  public boolean mayMoveTo(SessionStatus next) {
    return next().contains(next);
  }

  /**
   * Whether a container may still be (or become) running for a session in this state: it holds its
   * ports and counts against its user's limits.
   */
  public boolean isLive() {
    return live;
  }

  /** Whether requests are forwarded into the session's services. */
  public boolean isProxied() {
    return proxied;
  }

  /** Whether the session is on its way to running: proxies answer 503, the terminal waits. */
  public boolean isStarting() {
    return starting;
  }

  /** Whether {@code POST /api/sessions/{id}/stop} applies: the session is live and not stopping. */
  public boolean canStop() {
    return mayMoveTo(STOPPING) && live;
  }

  /** Whether {@code POST /api/sessions/{id}/start} applies. */
  public boolean canStart() {
    return !live && mayMoveTo(STARTING);
  }

  /** The name used in JSON and the database. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The states whose {@link #isLive()} holds, by wire name: for SQL that selects live rows. */
  public static Set<SessionStatus> live() {
    EnumSet<SessionStatus> live = EnumSet.noneOf(SessionStatus.class);
    for (SessionStatus status : values()) {
      if (status.live) {
        live.add(status);
      }
    }
    return live;
  }
}
