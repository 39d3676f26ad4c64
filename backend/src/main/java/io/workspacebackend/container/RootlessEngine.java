package io.workspacebackend.container;

import java.util.List;

/**
 * A rootless engine: it runs as an ordinary host account ({@code uid}:{@code gid}, which sessions'
 * users are mapped to), and it may be unable to enforce some of a session's limits. {@code
 * unenforcedLimits} names them as the configuration does; {@code reasons} says why, with the fix,
 * one sentence per cause.
 */
public record RootlessEngine(
    int uid, int gid, List<String> unenforcedLimits, List<String> reasons) {
  public RootlessEngine {
    unenforcedLimits = List.copyOf(unenforcedLimits);
    reasons = List.copyOf(reasons);
  }

  /** Whether every limit a session asks for is in force. */
  public boolean enforcesAllLimits() {
    return unenforcedLimits.isEmpty();
  }
}
