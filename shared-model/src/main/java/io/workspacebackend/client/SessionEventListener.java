package io.workspacebackend.client;

import io.workspacebackend.model.invite.Invite;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionProgress;
import io.workspacebackend.model.user.User;
import java.util.UUID;

/**
 * What {@code /api/events} tells: the sessions the caller may see and, to admins only, users and
 * invite codes as they change. Only {@link #session} must be implemented.
 */
public interface SessionEventListener {
  /** A session's new state. */
  void session(Session session);

  /** A step of a session's start is done. */
  default void progress(SessionProgress progress) {}

  /** The session is gone: its last event. */
  default void deleted(UUID sessionId) {}

  /** A user was registered or changed (role, disabled, quota); admins only. */
  default void user(User user) {}

  /** An invite code was created, used by a registration or revoked; admins only. */
  default void invite(Invite invite) {}
}
