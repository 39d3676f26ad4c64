package io.workspacebackend.container;

import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.health.ComponentHealth;
import io.workspacebackend.health.HealthCheck;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reports the engine (kind, socket, versions, whether it is rootless and which session limits it
 * cannot enforce) and whether it answers right now.
 */
@Component
class RuntimeHealthCheck implements HealthCheck {
  private final ContainerRuntime runtime;
  private final String image;

  RuntimeHealthCheck(ContainerRuntime runtime, WorkspaceConfig config) {
    this.runtime = runtime;
    this.image = config.container().defaultImage();
  }

  @Override
  public String name() {
    return "runtime";
  }

  @Override
  public Mono<ComponentHealth> check() {
    DetectedRuntime engine = runtime.engine();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("kind", engine.name());
    details.put("socket", engine.socket().toString());
    details.put("engine_version", engine.engineVersion());
    details.put("api_version", engine.apiVersion());
    details.put("rootless", engine.rootless().isPresent());
    engine
        .rootless()
        .ifPresent(rootless -> details.put("unenforced_limits", rootless.unenforcedLimits()));
    // Any cheap call proves the engine answers; this one is also what the image check needs.
    return runtime
        .imagePresent(image)
        .map(present -> ComponentHealth.up(details))
        .onErrorResume(e -> Mono.just(ComponentHealth.down(engine.name() + ": " + e.getMessage())));
  }
}
