package io.workspacebackend.session;

import io.workspacebackend.container.ContainerRuntime;
import io.workspacebackend.image.ImageBuildCommand;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
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

  /**
   * Completes if the image is present; errors with {@code missing} of a sentence saying how to get
   * it otherwise, or when the engine does not answer within {@code timeout}.
   */
  Mono<Void> require(
      String image, Duration timeout, Function<String, ? extends RuntimeException> missing) {
    return present(image)
        .timeout(timeout)
        .flatMap(
            present ->
                present
                    ? Mono.<Void>empty()
                    : Mono.error(
                        missing.apply(
                            "image "
                                + image
                                + " is not present on "
                                + runtime.engine().name()
                                + "; build it ("
                                + ImageBuildCommand.forImage(image)
                                + ") or pull it first")));
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
