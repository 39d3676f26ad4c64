package io.workspacebackend.session;

import io.workspacebackend.config.WorkspaceConfig;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Whether one more session of a user may be live: checked by the store in the same transaction that
 * makes it live (a create, a start, an adoption), against that user's live sessions then.
 */
@Component
class SessionLimits {
  private final WorkspaceConfig config;

  SessionLimits(WorkspaceConfig config) {
    this.config = config;
  }

  /** Throws a 409 naming the limit that {@code candidate} would go over. */
  void admit(SessionRow candidate, List<SessionRow> liveOfUser) {
    int maxPerUser = config.sessions().maxPerUser();
    if (liveOfUser.size() >= maxPerUser) {
      throw new SessionLimitException(maxPerUser);
    }
  }

  /** The memory limit a new session's container gets. */
  long memoryBytes() {
    return config.container().memoryLimit().toBytes();
  }

  /** The CPUs a new session's container gets. */
  double cpus() {
    return config.container().cpus();
  }
}
