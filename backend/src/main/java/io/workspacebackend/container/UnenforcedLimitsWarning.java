package io.workspacebackend.container;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start, once, which session limits a rootless engine cannot enforce and how to fix it:
 * sessions still run, but an operator must not believe them limited when they are not.
 */
@Component
class UnenforcedLimitsWarning {
  private static final Logger log = LoggerFactory.getLogger(UnenforcedLimitsWarning.class);

  private final ContainerRuntime runtime;

  UnenforcedLimitsWarning(ContainerRuntime runtime) {
    this.runtime = runtime;
  }

  @EventListener(ApplicationReadyEvent.class)
  void warn() {
    DetectedRuntime engine = runtime.engine();
    engine
        .rootless()
        .filter(rootless -> !rootless.enforcesAllLimits())
        .ifPresent(
            rootless ->
                log.warn(
                    "rootless {} at {} does not enforce these session limits: {}. {}",
                    engine.name(),
                    engine.socket(),
                    String.join(", ", rootless.unenforcedLimits()),
                    String.join(". ", rootless.reasons())));
  }
}
