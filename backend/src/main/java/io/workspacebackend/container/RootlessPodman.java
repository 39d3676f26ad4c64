package io.workspacebackend.container;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Detects a rootless Podman engine and what it cannot enforce, from its own {@code /libpod/info}
 * (the Docker-compatible {@code /info} does not say whether Podman is rootless).
 */
final class RootlessPodman {
  /** Each cgroup-backed session limit (named as the configuration names it) and its controller. */
  private static final Map<String, String> CGROUP_LIMITS =
      Map.of("memory_limit", "memory", "cpus", "cpu", "pids_limit", "pids");

  private static final String ULIMITS = "nofile and nproc ulimits";

  private RootlessPodman() {}

  /** Asks the engine at {@code socket}; empty when it runs as root. */
  static Optional<RootlessEngine> ask(URI socket, String engineVersion) throws IOException {
    try (DockerHttpClient http = DockerClients.httpForProbing(socket);
        DockerHttpClient.Response response =
            http.execute(
                DockerHttpClient.Request.builder()
                    .method(DockerHttpClient.Request.Method.GET)
                    .path("/v" + engineVersion + "/libpod/info")
                    .build())) {
      String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
      if (response.getStatusCode() != 200) {
        throw new IOException(
            "/libpod/info answered HTTP " + response.getStatusCode() + ": " + body.strip());
      }
      return fromInfo(JsonMapper.shared().readTree(body), engineVersion);
    }
  }

  static Optional<RootlessEngine> fromInfo(JsonNode info, String engineVersion) {
    JsonNode host = info.path("host");
    if (!host.path("security").path("rootless").asBoolean(false)) {
      return Optional.empty();
    }
    Set<String> unenforced = new TreeSet<>();
    List<String> reasons = new ArrayList<>();
    if ("v1".equals(host.path("cgroupVersion").asString(""))) {
      unenforced.addAll(CGROUP_LIMITS.keySet());
      reasons.add(
          "rootless Podman on cgroup v1 cannot limit memory, CPU or pids (the kernel delegates no"
              + " cgroup to an ordinary account); boot the host with cgroup v2 and delegate the"
              + " memory, cpu and pids controllers to the engine's account");
    } else {
      Set<String> controllers = new TreeSet<>();
      host.path("cgroupControllers").forEach(controller -> controllers.add(controller.asString()));
      List<String> missing = new ArrayList<>();
      CGROUP_LIMITS.forEach(
          (limit, controller) -> {
            if (!controllers.contains(controller)) {
              unenforced.add(limit);
              missing.add(controller);
            }
          });
      if (!missing.isEmpty()) {
        reasons.add(
            "the cgroup controllers "
                + String.join(", ", new TreeSet<>(missing))
                + " are not delegated to the engine's account; delegate them (systemd:"
                + " Delegate=memory pids cpu for user@.service)");
      }
    }
    if (before(engineVersion, 5, 5)) {
      unenforced.add(ULIMITS);
      reasons.add(
          "Podman before 5.5 ignores ulimits in rootless mode (containers/podman#25881): sessions"
              + " get the Podman service's own nofile and nproc limits; start it with them"
              + " (LimitNOFILE=4096 and LimitNPROC=4096 in its unit)");
    }
    return Optional.of(
        new RootlessEngine(
            hostIdOfRoot(host.path("idMappings").path("uidmap")),
            hostIdOfRoot(host.path("idMappings").path("gidmap")),
            List.copyOf(unenforced),
            reasons));
  }

  /** A rootless engine's root is its own account: the host id that container id 0 maps to. */
  private static int hostIdOfRoot(JsonNode mappings) {
    for (JsonNode mapping : mappings) {
      if (mapping.path("container_id").asInt(-1) == 0) {
        return mapping.path("host_id").asInt();
      }
    }
    throw new IllegalStateException(
        "rootless Podman reported no mapping for its root: " + mappings);
  }

  /** Whether {@code version} ({@code major.minor.patch…}) is older than {@code major.minor}. */
  static boolean before(String version, int major, int minor) {
    String[] parts = version.split("[.\\-+]");
    try {
      int actualMajor = Integer.parseInt(parts[0]);
      int actualMinor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      return actualMajor < major || (actualMajor == major && actualMinor < minor);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
