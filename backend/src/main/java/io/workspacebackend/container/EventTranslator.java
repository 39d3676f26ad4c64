package io.workspacebackend.container;

import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Turns one subscription's engine events into {@link RuntimeEvent}s. It remembers, per container,
 * whether the engine announced a kill or an OOM since the last start, so that a SIGKILL exit the
 * engine did not explain is reported as {@link RuntimeEvent.Type#OOM} (see {@link
 * EngineDialect#unannouncedKill}). Not thread-safe: one instance per stream.
 */
final class EventTranslator {
  private final EngineDialect dialect;
  private final Set<String> killedByEngine = new HashSet<>();
  private final Set<String> oomReported = new HashSet<>();

  EventTranslator(EngineDialect dialect) {
    this.dialect = dialect;
  }

  List<RuntimeEvent> translate(Event event) {
    if (event.getType() != null && event.getType() != EventType.CONTAINER) {
      return List.of();
    }
    String action = event.getAction() != null ? event.getAction() : event.getStatus();
    Optional<RuntimeEvent.Type> type = dialect.eventType(action);
    String id = event.getActor() != null ? event.getActor().getId() : event.getId();
    if (type.isEmpty() || id == null) {
      return List.of();
    }
    Map<String, String> attributes =
        event.getActor() == null || event.getActor().getAttributes() == null
            ? Map.of()
            : event.getActor().getAttributes();
    RuntimeEvent translated =
        new RuntimeEvent(
            type.get(),
            id,
            attributes.getOrDefault("name", ""),
            dialect.exitCode(type.get(), attributes),
            labels(attributes),
            time(event));
    switch (translated.type()) {
      case START -> {
        killedByEngine.remove(id);
        oomReported.remove(id);
      }
      case KILL, STOP -> killedByEngine.add(id);
      case OOM -> oomReported.add(id);
      case DIE -> {
        boolean killed = killedByEngine.remove(id);
        boolean explained = oomReported.remove(id) || killed;
        int exitCode = translated.exitCode().orElse(0);
        if (EngineDialect.unannouncedKill(exitCode, explained)) {
          RuntimeEvent oom =
              new RuntimeEvent(
                  RuntimeEvent.Type.OOM,
                  id,
                  translated.containerName(),
                  OptionalInt.empty(),
                  translated.labels(),
                  translated.time());
          return List.of(oom, translated);
        }
      }
      case DESTROY -> {
        killedByEngine.remove(id);
        oomReported.remove(id);
      }
      case CREATE -> {}
    }
    return List.of(translated);
  }

  /**
   * Event attributes mix the container's labels with the engine's own keys; these are the engine's
   * (Podman adds {@code podId} and {@code containerExitCode}, Docker {@code signal}).
   */
  private static final Set<String> ENGINE_ATTRIBUTES =
      Set.of("name", "image", "exitCode", "containerExitCode", "podId", "signal", "execID");

  private static Map<String, String> labels(Map<String, String> attributes) {
    Map<String, String> labels = new HashMap<>(attributes);
    labels.keySet().removeAll(ENGINE_ATTRIBUTES);
    return labels;
  }

  private static Instant time(Event event) {
    if (event.getTimeNano() != null && event.getTimeNano() > 0) {
      long nanos = event.getTimeNano();
      return Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
    }
    return event.getTime() == null ? Instant.now() : Instant.ofEpochSecond(event.getTime());
  }
}
