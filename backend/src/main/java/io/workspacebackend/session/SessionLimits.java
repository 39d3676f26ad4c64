package io.workspacebackend.session;

import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.user.Quotas;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Whether one more session of a user may be live, within the user's quota (sessions, and the memory
 * and CPUs their live sessions' containers may use in total): checked by the store in the same
 * transaction that makes it live (a create, a start, an adoption), against that user's live
 * sessions then, so two requests cannot both take the last of a quota.
 */
@Component
class SessionLimits {
  private final WorkspaceConfig config;
  private final Quotas quotas;

  SessionLimits(WorkspaceConfig config, Quotas quotas) {
    this.config = config;
    this.quotas = quotas;
  }

  /** Throws a 409 naming the limit that {@code candidate} would go over. */
  void admit(SessionRow candidate, List<SessionRow> liveOfUser) {
    QuotaCheck.check(
        quotas.of(candidate.userId()),
        liveOfUser.size(),
        liveOfUser.stream().mapToLong(this::memoryBytesOf).sum(),
        liveOfUser.stream().collect(Collectors.summingDouble(this::cpusOf)),
        memoryBytesOf(candidate),
        cpusOf(candidate));
  }

  /** The memory limit a new session's container gets. */
  long memoryBytes() {
    return config.container().memoryLimit().toBytes();
  }

  /** The CPUs a new session's container gets. */
  double cpus() {
    return config.container().cpus();
  }

  /** The session's memory limit; sessions made before it was stored have the configured one. */
  long memoryBytesOf(SessionRow row) {
    return row.memoryBytes() == null ? memoryBytes() : row.memoryBytes();
  }

  double cpusOf(SessionRow row) {
    return row.cpus() == null ? cpus() : row.cpus();
  }

  /** Not a per-session setting: every container gets the configured one. */
  int pidsLimit() {
    return config.container().pidsLimit();
  }
}
