package io.workspacebackend.health;

import reactor.core.publisher.Mono;

/** One part of the server that {@code GET /api/health} reports on (database, runtime, image). */
public interface HealthCheck {
  /** The field name in the health report. */
  String name();

  /**
   * Whether the part works; never errors (a failure is reported as {@link ComponentHealth#down}).
   */
  Mono<ComponentHealth> check();
}
