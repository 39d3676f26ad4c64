package io.workspacebackend.session;

import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.health.ComponentHealth;
import io.workspacebackend.health.HealthCheck;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The warm pool in {@code GET /api/health} ({@code warm_pool}): its size and how many slots are
 * ready to be claimed now. Always up: with no slot ready, sessions start as they would without a
 * pool; why slots do not start is in {@code last_error}.
 */
@Component
class WarmPoolHealth implements HealthCheck {
  private final WarmPool pool;
  private final WorkspaceConfig config;

  WarmPoolHealth(WarmPool pool, WorkspaceConfig config) {
    this.pool = pool;
    this.config = config;
  }

  @Override
  public String name() {
    return "warm_pool";
  }

  @Override
  public Mono<ComponentHealth> check() {
    return Mono.fromSupplier(
        () -> {
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("size", config.sessions().warmPool());
          details.put("ready", pool.readyCount());
          pool.lastError().ifPresent(error -> details.put("last_error", error));
          return ComponentHealth.up(details);
        });
  }
}
