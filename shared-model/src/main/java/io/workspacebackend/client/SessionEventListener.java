package io.workspacebackend.client;

import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionProgress;
import java.util.UUID;

/** What {@code /api/events} tells about the sessions the caller may see. */
public interface SessionEventListener {
  /** A session's new state. */
  void session(Session session);

  /** A step of a session's start is done. */
  default void progress(SessionProgress progress) {}

  /** The session is gone: its last event. */
  default void deleted(UUID sessionId) {}
}
