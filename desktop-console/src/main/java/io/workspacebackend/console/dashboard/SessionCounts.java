package io.workspacebackend.console.dashboard;

import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which state each session on the server is in, from one full list and then each event; answers how
 * many are in each state and which are running.
 */
final class SessionCounts {
  private final Map<UUID, SessionStatus> states = new HashMap<>();

  /** Starts over from a full list (the events missed meanwhile are in it). */
  void replaceAll(List<Session> sessions) {
    states.clear();
    sessions.forEach(this::update);
  }

  void update(Session session) {
    states.put(session.id(), session.status());
  }

  void remove(UUID sessionId) {
    states.remove(sessionId);
  }

  Map<SessionStatus, Integer> byState() {
    Map<SessionStatus, Integer> counts = new EnumMap<>(SessionStatus.class);
    for (SessionStatus status : SessionStatus.values()) {
      counts.put(status, 0);
    }
    states.values().forEach(status -> counts.merge(status, 1, Integer::sum));
    return counts;
  }

  Set<UUID> running() {
    return states.entrySet().stream()
        .filter(entry -> entry.getValue() == SessionStatus.RUNNING)
        .map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }
}
