package io.workspacebackend.session;

import io.workspacebackend.container.ContainerRuntime;
import io.workspacebackend.container.ContainerSpec;
import io.workspacebackend.container.Tmpfs;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.unit.DataSize;

/** What the platform puts into every session container: ports, secret, labels, limits. */
final class SessionContainers {
  /** Where the image's services listen inside the container (the container contract). */
  static final int OPENCODE_PORT = 41820;

  static final int FILESERVER_PORT = 41821;
  static final int TTYD_PORT = 41822;
  static final String HOME = "/home/dev";
  static final String WORKSPACE_MOUNT = HOME + "/workspace";

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
      SessionLimits limits,
      InstanceLabel instance) {
    return spec(row, workspace, sessionEnv, limits, labels(row, instance));
  }

  /** A session's container with labels of the caller's choosing (a warm slot's, see WarmPool). */
  static ContainerSpec spec(
      SessionRow row,
      Path workspace,
      Map<String, String> sessionEnv,
      SessionLimits limits,
      Map<String, String> labels) {
    DataSize memory = DataSize.ofBytes(limits.memoryBytesOf(row));
    double cpus = limits.cpusOf(row);
    Map<String, String> env = new LinkedHashMap<>(sessionEnv);
    env.put("OPENCODE_PORT", Integer.toString(OPENCODE_PORT));
    env.put("FILESERVER_PORT", Integer.toString(FILESERVER_PORT));
    env.put("TTYD_PORT", Integer.toString(TTYD_PORT));
    env.put("SESSION_SECRET", row.serviceSecret());
    ContainerSpec.Builder spec =
        ContainerSpec.builder(row.containerName(), row.image())
            .labels(labels)
            .port(OPENCODE_PORT, row.opencodePort())
            .port(FILESERVER_PORT, row.fileserverPort())
            .port(TTYD_PORT, row.ttydPort())
            .bind(workspace, WORKSPACE_MOUNT)
            // Whatever user the image names: the uid that owns the workspace, never root.
            .user(WorkspaceDirectories.CONTAINER_UID + ":" + WorkspaceDirectories.CONTAINER_UID)
            .network(row.networkName())
            .memory(memory)
            .nanoCpus(Math.round(cpus * 1_000_000_000d))
            .pidsLimit(limits.pidsLimit())
            .env(env)
            .readOnlyRootfs(true);
    writablePlaces(memory).forEach(spec::tmpfs);
    return spec.build();
  }

  /**
   * Where a session can write besides its workspace: its root filesystem is read-only, so the image
   * stays as built and nothing but the workspace reaches the host's disk. Each place is a tmpfs,
   * and tmpfs pages count against the container's memory limit (there is no swap), so each is a
   * share of that limit, together under 0.6 of it: filling them all still leaves the services room.
   *
   * <ul>
   *   <li>the whole home, since what writes there is open-ended (opencode's data, config, state and
   *       cache, git's {@code ~/.gitconfig}, bash's history, the user's own tools). Executable:
   *       opencode downloads language servers into {@code ~/.cache/opencode/bin} and runs them, and
   *       {@code ~/.profile} puts {@code ~/.local/bin} on the PATH. It starts empty; the image's
   *       entrypoint seeds it from {@code /etc/skel}. The workspace is bound inside it (both
   *       engines mount the shorter path first).
   *   <li>{@code /tmp}, executable: opencode's runtime writes a native library it embeds (its file
   *       finder) to {@code /tmp} and loads it from there; on a noexec {@code /tmp} file search
   *       never sees a file made after its first scan.
   *   <li>{@code /var/tmp} and {@code /run} (root's, as on any system), where nothing runs.
   * </ul>
   */
  static List<Tmpfs> writablePlaces(DataSize memory) {
    long limit = memory.toBytes();
    return List.of(
        new Tmpfs(HOME, DataSize.ofBytes(limit / 4), 0700, true, true),
        new Tmpfs("/tmp", DataSize.ofBytes(limit / 4), 01777, true, false),
        new Tmpfs("/var/tmp", DataSize.ofBytes(limit / 16), 01777, false, false),
        new Tmpfs("/run", DataSize.ofBytes(limit / 64), 0755, false, false));
  }
}
