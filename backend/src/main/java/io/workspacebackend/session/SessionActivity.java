package io.workspacebackend.session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * When each session last did work: a request someone made through its proxies, terminal input or
 * output, or its agent reported busy (see IdleSessions). Not work: event streams left open, health
 * checks, the server's own probes. In memory only: after a restart every session starts afresh.
 */
@Component
public class SessionActivity {
  private final Map<String, Long> lastWorkNanos = new ConcurrentHashMap<>();

  /** The session did work now; cheap enough to call for every terminal frame. */
  public void worked(String sessionId) {
    lastWorkNanos.put(sessionId, System.nanoTime());
  }

  /** Nanoseconds since the session last worked; a session never seen starts counting now. */
  long idleNanos(String sessionId) {
    long now = System.nanoTime();
    return now - lastWorkNanos.computeIfAbsent(sessionId, id -> now);
  }

  /** The session stopped or went: its next start counts afresh. */
  void forget(String sessionId) {
    lastWorkNanos.remove(sessionId);
  }
}
