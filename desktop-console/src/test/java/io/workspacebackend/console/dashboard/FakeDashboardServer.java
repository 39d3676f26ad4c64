package io.workspacebackend.console.dashboard;

import io.workspacebackend.model.health.Health;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStats;
import io.workspacebackend.model.session.SessionStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A server for the dashboard's view-model that answers what the test set, and counts calls. */
final class FakeDashboardServer implements DashboardSource {
  final List<Session> sessions = new ArrayList<>();
  final Map<UUID, SessionStats> stats = new HashMap<>();
  final Map<UUID, RuntimeException> statsFailures = new HashMap<>();
  Health health = health("docker", "20.10.24", false, true);
  RuntimeException listFailure;
  int statsCalls;
  int healthCalls;

  static Session session(UUID id, SessionStatus status) {
    return new Session(
        id,
        "s-" + id,
        UUID.randomUUID(),
        status,
        "opencode-dev:latest",
        null,
        null,
        null,
        "docker",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  static Health health(String kind, String version, boolean rootless, boolean imagePresent) {
    Health.Part runtime =
        new Health.Part(
            "up", Map.of("kind", kind, "engine_version", version, "rootless", rootless));
    Health.Part image =
        imagePresent
            ? new Health.Part("up", Map.of("name", "opencode-dev:latest"))
            : new Health.Part("down", Map.of("error", "opencode-dev:latest is missing"));
    return new Health(
        imagePresent ? "ok" : "unavailable", runtime, image, new Health.Part("up", Map.of()));
  }

  UUID add(SessionStatus status, double cpu, long memory) {
    UUID id = UUID.randomUUID();
    sessions.add(session(id, status));
    stats.put(id, new SessionStats(cpu, memory, 4L << 30, 12));
    return id;
  }

  @Override
  public List<Session> allSessions() {
    if (listFailure != null) {
      throw listFailure;
    }
    return List.copyOf(sessions);
  }

  @Override
  public SessionStats stats(UUID sessionId) {
    statsCalls++;
    RuntimeException failure = statsFailures.get(sessionId);
    if (failure != null) {
      throw failure;
    }
    return stats.get(sessionId);
  }

  @Override
  public Health health() {
    healthCalls++;
    return health;
  }
}
