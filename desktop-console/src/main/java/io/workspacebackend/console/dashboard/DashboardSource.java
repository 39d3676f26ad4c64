package io.workspacebackend.console.dashboard;

import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.model.health.Health;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStats;
import java.util.List;
import java.util.UUID;

/**
 * The three calls the dashboard makes, so that its view-model's tests can answer them without a
 * server. Blocking, as {@link WorkspaceClient} is.
 */
public interface DashboardSource {
  /** Every user's sessions. */
  List<Session> allSessions();

  SessionStats stats(UUID sessionId);

  Health health();

  /** The real server's answers. */
  static DashboardSource of(WorkspaceClient client) {
    return new DashboardSource() {
      @Override
      public List<Session> allSessions() {
        return client.allSessions();
      }

      @Override
      public SessionStats stats(UUID sessionId) {
        return client.stats(sessionId);
      }

      @Override
      public Health health() {
        return client.health();
      }
    };
  }
}
