package io.workspacebackend.session;

import io.workspacebackend.container.ContainerRuntime;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Whether an image is on the engine, remembered for a short while when it is: creating a session
 * should answer at once, and an engine busy starting many containers answers slowly. A missing
 * image is asked about every time, so building it takes effect at once.
 */
@Component
class ImagePresence {
  private static final Duration REMEMBER_PRESENT = Duration.ofSeconds(30);

  private final ContainerRuntime runtime;
  private final Map<String, Long> presentUntil = new ConcurrentHashMap<>();

  ImagePresence(ContainerRuntime runtime) {
    this.runtime = runtime;
  }

  Mono<Boolean> present(String image) {
    Long until = presentUntil.get(image);
    if (until != null && until > System.nanoTime()) {
      return Mono.just(true);
    }
    return runtime
        .imagePresent(image)
        .doOnNext(
            present -> {
              if (present) {
                presentUntil.put(image, System.nanoTime() + REMEMBER_PRESENT.toNanos());
              } else {
                presentUntil.remove(image);
              }
            });
  }
}
