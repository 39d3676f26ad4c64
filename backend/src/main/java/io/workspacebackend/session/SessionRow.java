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

/** A row of {@code sessions}, as Spring Data JDBC maps it; {@link #toApi()} is what clients see. */
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
    Instant createdAt,
    Instant startedAt,
    Instant stoppedAt,
    String errorMessage,
    Integer exitCode) {

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
        ports(),
        SessionUrls.of(uuid()),
        createdAt,
        startedAt,
        stoppedAt,
        errorMessage,
        exitCode);
  }

  SessionRow withStatus(SessionStatus next) {
    return changed(next.wireName(), containerId, startedAt, stoppedAt, errorMessage, exitCode);
  }

  SessionRow withContainerId(String newContainerId) {
    return changed(status, newContainerId, startedAt, stoppedAt, errorMessage, exitCode);
  }

  SessionRow running(Instant at) {
    return changed(
        SessionStatus.RUNNING.wireName(), containerId, at, stoppedAt, errorMessage, exitCode);
  }

  /** Starting again on the same container: the ending it had is no longer true. */
  SessionRow restarted() {
    return changed(SessionStatus.STARTING.wireName(), containerId, startedAt, null, null, null);
  }

  SessionRow ended(SessionStatus end, Instant at, String reason, Integer code) {
    return changed(end.wireName(), containerId, startedAt, at, reason, code);
  }

  /** A copy with the fields a session's life changes; the rest is fixed at creation. */
  private SessionRow changed(
      String newStatus,
      String newContainerId,
      Instant newStartedAt,
      Instant newStoppedAt,
      String newErrorMessage,
      Integer newExitCode) {
    return new SessionRow(
        id,
        name,
        userId,
        newStatus,
        image,
        workspacePath,
        newContainerId,
        containerName,
        networkName,
        runtime,
        serviceSecret,
        opencodePort,
        fileserverPort,
        ttydPort,
        env,
        createdAt,
        newStartedAt,
        newStoppedAt,
        newErrorMessage,
        newExitCode);
  }

  /** Never prints the service secret: rows end up in log lines. */
  @Override
  public String toString() {
    return "SessionRow[id=" + id + ", name=" + name + ", status=" + status + "]";
  }
}
