package io.workspacebackend.console.sessions;

import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.model.user.User;
import java.time.Instant;
import java.util.UUID;

/** Sessions and users as the server would announce them, for tests without a server. */
final class Fixtures {
  static final User DEV = new User(UUID.randomUUID(), "dev", Role.USER, false, Instant.EPOCH, null);

  private Fixtures() {}

  static Session session(String name, SessionStatus status, Instant createdAt) {
    return session(UUID.randomUUID(), name, status, createdAt, DEV.id());
  }

  static Session session(
      UUID id, String name, SessionStatus status, Instant createdAt, UUID owner) {
    return new Session(
        id,
        name,
        owner,
        status,
        "opencode-dev:latest",
        "/workspaces/dev/" + name,
        null,
        null,
        "docker",
        null,
        null,
        createdAt,
        status == SessionStatus.RUNNING ? createdAt : null,
        null,
        null,
        null,
        null);
  }

  static Session as(Session session, SessionStatus status) {
    return new Session(
        session.id(),
        session.name(),
        session.userId(),
        status,
        session.image(),
        session.workspacePath(),
        null,
        null,
        session.runtime(),
        null,
        null,
        session.createdAt(),
        session.startedAt(),
        null,
        null,
        null,
        null);
  }
}
