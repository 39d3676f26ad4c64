package io.workspacebackend.console.sessions;

import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStats;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.session.StartupStep;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One row of the sessions table: the session as last announced, the last step of its start, and its
 * latest stats.
 */
final class SessionItem {
  private final ObjectProperty<Session> session;
  private final ObjectProperty<Optional<SessionStats>> stats =
      new SimpleObjectProperty<>(Optional.empty());
  private final ObjectProperty<Optional<StartupStep>> progress =
      new SimpleObjectProperty<>(Optional.empty());

  SessionItem(Session session) {
    this.session = new SimpleObjectProperty<>(session);
  }

  Session session() {
    return session.get();
  }

  ObjectProperty<Session> sessionProperty() {
    return session;
  }

  ObjectProperty<Optional<SessionStats>> statsProperty() {
    return stats;
  }

  /** The last step of its start that was done, while it starts. */
  ObjectProperty<Optional<StartupStep>> progressProperty() {
    return progress;
  }

  void update(Session latest) {
    if (!latest.status().isStarting()) {
      progress.set(Optional.empty());
    }
    session.set(latest);
    if (latest.status() != SessionStatus.RUNNING) {
      stats.set(Optional.empty());
    }
  }
}
