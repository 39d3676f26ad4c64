package io.workspacebackend.console.sessions;

import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStats;
import io.workspacebackend.model.session.SessionStatus;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One row of the sessions table: the session as last announced, and its latest stats. */
final class SessionItem {
  private final ObjectProperty<Session> session;
  private final ObjectProperty<Optional<SessionStats>> stats =
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

  void update(Session latest) {
    session.set(latest);
    if (latest.status() != SessionStatus.RUNNING) {
      stats.set(Optional.empty());
    }
  }
}
