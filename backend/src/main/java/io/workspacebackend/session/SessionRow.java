package io.workspacebackend.session;

import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionPorts;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.session.SessionUrls;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code sessions}, as Spring Data JDBC maps it; {@link #toApi()} is what clients see.
 * {@code env} is the session's own variables as a JSON object; {@code memoryBytes} and {@code cpus}
 * are null for sessions made before they were stored (the configured values apply).
 */
@Table("sessions")
record SessionRow(
    @Id String id,
    String name,
    String userId,
    String status,
    String image,
    String workspacePath,
    String containerId,
    String containerName,
    String networkName,
    String runtime,
    String serviceSecret,
    int opencodePort,
    int fileserverPort,
    int ttydPort,
    String env,
    Long memoryBytes,
    Double cpus,
    Instant createdAt,
    Instant startedAt,
    Instant stoppedAt,
    String errorMessage,
    Integer exitCode,
    String stopReason,
    boolean deleting) {

  SessionStatus state() {
    return SessionStatus.valueOf(status.toUpperCase(Locale.ROOT));
  }

  UUID uuid() {
    return UUID.fromString(id);
  }

  SessionPorts ports() {
    return new SessionPorts(opencodePort, fileserverPort, ttydPort);
  }

  Session toApi() {
    return new Session(
        uuid(),
        name,
        UUID.fromString(userId),
        state(),
        image,
        workspacePath,
        containerId,
        containerName,
        runtime,
        // Released when it stops or fails: by then they may be another session's.
        state().isLive() ? ports() : null,
        SessionUrls.of(uuid()),
        createdAt,
        startedAt,
        stoppedAt,
        errorMessage,
        exitCode,
        stopReason);
  }

  SessionRow withContainerId(String newContainerId) {
    return change().containerId(newContainerId).done();
  }

  SessionRow running(Instant at) {
    return change().status(SessionStatus.RUNNING).startedAt(at).done();
  }

  /** Starting again on the same container: the ending it had is no longer true. */
  SessionRow restarted() {
    return change().status(SessionStatus.STARTING).ending(null, null, null, null).done();
  }

  /**
   * Starting again on a new container, with a new secret and the ports leased for it; the old
   * container's id and the ending it had are no longer true.
   */
  SessionRow resumed(String secret, SessionPorts leased) {
    return change()
        .status(SessionStatus.STARTING)
        .containerId(null)
        .ending(null, null, null, null)
        .secret(secret)
        .ports(leased)
        .done();
  }

  /** On its way out: to {@code stopped} with {@code reason}, or to deletion. */
  SessionRow stopping(String reason, boolean toDeletion) {
    return change().status(SessionStatus.STOPPING).stopReason(reason).deleting(toDeletion).done();
  }

  /** Its container is gone: no id of it is kept (nor, see {@link #toApi}, its released ports). */
  SessionRow stopped(Instant at) {
    return change()
        .status(SessionStatus.STOPPED)
        .containerId(null)
        .ending(at, null, null, stopReason)
        .done();
  }

  SessionRow failed(Instant at, String reason, Integer code) {
    return change().status(SessionStatus.FAILED).ending(at, reason, code, null).done();
  }

  private Change change() {
    return new Change(this);
  }

  /** A copy with some of the fields a session's life changes; the rest is fixed at creation. */
  private static final class Change {
    private final SessionRow from;
    private String status;
    private String containerId;
    private String secret;
    private SessionPorts ports;
    private Instant startedAt;
    private Instant stoppedAt;
    private String errorMessage;
    private Integer exitCode;
    private String stopReason;
    private boolean deleting;

    Change(SessionRow from) {
      this.from = from;
      status = from.status;
      containerId = from.containerId;
      secret = from.serviceSecret;
      ports = from.ports();
      startedAt = from.startedAt;
      stoppedAt = from.stoppedAt;
      errorMessage = from.errorMessage;
      exitCode = from.exitCode;
      stopReason = from.stopReason;
      deleting = from.deleting;
    }

    Change status(SessionStatus next) {
      status = next.wireName();
      return this;
    }

    Change containerId(String id) {
      containerId = id;
      return this;
    }

    Change secret(String newSecret) {
      secret = newSecret;
      return this;
    }

    Change ports(SessionPorts leased) {
      ports = leased;
      return this;
    }

    Change startedAt(Instant at) {
      startedAt = at;
      return this;
    }

    Change stopReason(String reason) {
      stopReason = reason;
      return this;
    }

    Change deleting(boolean toDeletion) {
      deleting = toDeletion;
      return this;
    }

    Change ending(Instant at, String error, Integer code, String reason) {
      stoppedAt = at;
      errorMessage = error;
      exitCode = code;
      stopReason = reason;
      return this;
    }

    SessionRow done() {
      return new SessionRow(
          from.id,
          from.name,
          from.userId,
          status,
          from.image,
          from.workspacePath,
          containerId,
          from.containerName,
          from.networkName,
          from.runtime,
          secret,
          ports.opencode(),
          ports.fileserver(),
          ports.ttyd(),
          from.env,
          from.memoryBytes,
          from.cpus,
          from.createdAt,
          startedAt,
          stoppedAt,
          errorMessage,
          exitCode,
          stopReason,
          deleting);
    }
  }

  /** Never prints the service secret or the env: rows end up in log lines. */
  @Override
  public String toString() {
    return "SessionRow[id=" + id + ", name=" + name + ", status=" + status + "]";
  }
}
