package io.workspacebackend.image;

import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.container.ContainerRuntime;
import io.workspacebackend.health.ComponentHealth;
import io.workspacebackend.health.HealthCheck;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reports whether the default session image is present on the engine. */
@Component
class ImageHealthCheck implements HealthCheck {
  private final ContainerRuntime runtime;
  private final String image;

  ImageHealthCheck(ContainerRuntime runtime, WorkspaceConfig config) {
    this.runtime = runtime;
    this.image = config.container().defaultImage();
  }

  @Override
  public String name() {
    return "image";
  }

  @Override
  public Mono<ComponentHealth> check() {
    return runtime
        .imagePresent(image)
        .map(
            present ->
                present
                    ? ComponentHealth.up(Map.of("name", image))
                    : ComponentHealth.down(
                        image + " is missing; build it with: " + ImageBuildCommand.forImage(image)))
        .onErrorResume(
            e -> Mono.just(ComponentHealth.down("cannot ask the runtime: " + e.getMessage())));
  }
}
