package io.workspacebackend.session;

import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.container.ContainerRuntime;
import io.workspacebackend.container.ContainerSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** What the platform puts into every session container: ports, secret, labels, limits. */
final class SessionContainers {
  /** Where the image's services listen inside the container (the container contract). */
  static final int OPENCODE_PORT = 41820;

  static final int FILESERVER_PORT = 41821;
  static final int TTYD_PORT = 41822;
  static final String WORKSPACE_MOUNT = "/home/dev/workspace";

  /** Names the platform sets itself; a session's own env may not override them. */
  static final Set<String> RESERVED_ENV =
      Set.of(
          "OPENCODE_PORT",
          "FILESERVER_PORT",
          "TTYD_PORT",
          "SESSION_SECRET",
          "OPENCODE_SERVER_PASSWORD");

  private SessionContainers() {}

  static String containerName(String sessionId) {
    return "workspace-session-" + sessionId;
  }

  static String networkName(String sessionId) {
    return "workspace-session-" + sessionId;
  }

  static Map<String, String> labels(SessionRow row, InstanceLabel instance) {
    return Map.of(
        ContainerRuntime.SESSION_LABEL,
        row.id(),
        ContainerRuntime.OWNER_LABEL,
        row.userId(),
        InstanceLabel.KEY,
        instance.value());
  }

  static ContainerSpec spec(
      SessionRow row,
      Path workspace,
      Map<String, String> sessionEnv,
      WorkspaceConfig.Container limits,
      InstanceLabel instance) {
    Map<String, String> env = new LinkedHashMap<>(sessionEnv);
    env.put("OPENCODE_PORT", Integer.toString(OPENCODE_PORT));
    env.put("FILESERVER_PORT", Integer.toString(FILESERVER_PORT));
    env.put("TTYD_PORT", Integer.toString(TTYD_PORT));
    env.put("SESSION_SECRET", row.serviceSecret());
    ContainerSpec.Builder spec =
        ContainerSpec.builder(row.containerName(), row.image())
            .labels(labels(row, instance))
            .port(OPENCODE_PORT, row.opencodePort())
            .port(FILESERVER_PORT, row.fileserverPort())
            .port(TTYD_PORT, row.ttydPort())
            .bind(workspace, WORKSPACE_MOUNT)
            // Whatever user the image names: the uid that owns the workspace, never root.
            .user(WorkspaceDirectories.CONTAINER_UID + ":" + WorkspaceDirectories.CONTAINER_UID)
            .network(row.networkName())
            .memory(limits.memoryLimit())
            .nanoCpus(Math.round(limits.cpus() * 1_000_000_000d))
            .pidsLimit(limits.pidsLimit())
            .env(env);
    return spec.build();
  }
}
