package io.workspacebackend.console.health;

import io.workspacebackend.model.health.Health;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code GET /api/health} says about the container engine, for people: which runtime and
 * version, whether it runs rootless, whether it answers and whether the session image is there.
 *
 * @param kind {@code docker} or {@code podman}; empty while the engine does not answer
 * @param version the engine's version; empty while the engine does not answer
 * @param problem why the engine or the image is not usable, if one of them is not
 */
public record EngineSummary(
    String kind,
    String version,
    boolean rootless,
    boolean engineUp,
    boolean imagePresent,
    Optional<String> problem) {

  /** Reads the runtime and image parts of {@code health}; parts it lacks count as down. */
  public static EngineSummary of(Health health) {
    Health.Part runtime = orDown(health.runtime());
    Health.Part image = orDown(health.image());
    boolean engineUp = "up".equals(runtime.status());
    boolean imagePresent = "up".equals(image.status());
    Optional<String> problem =
        !engineUp
            ? Optional.of(text(runtime.details(), "error", "the engine does not answer"))
            : imagePresent
                ? Optional.empty()
                : Optional.of(text(image.details(), "error", "the session image is missing"));
    return new EngineSummary(
        text(runtime.details(), "kind", ""),
        text(runtime.details(), "engine_version", ""),
        Boolean.TRUE.equals(runtime.details().get("rootless")),
        engineUp,
        imagePresent,
        problem);
  }

  /** "Docker 20.10.24", "Podman 4.3.1 (rootless)", or "Engine unavailable". */
  public String title() {
    if (!engineUp || kind.isEmpty()) {
      return "Engine unavailable";
    }
    String name = kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1);
    String withVersion = version.isEmpty() ? name : name + " " + version;
    return rootless ? withVersion + " (rootless)" : withVersion;
  }

  private static Health.Part orDown(Health.Part part) {
    if (part == null) {
      return new Health.Part("down", Map.of());
    }
    return part.details() == null ? new Health.Part(part.status(), Map.of()) : part;
  }

  private static String text(Map<String, Object> details, String key, String otherwise) {
    Object value = details.get(key);
    return value == null ? otherwise : value.toString();
  }
}
