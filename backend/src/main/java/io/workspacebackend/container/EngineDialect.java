package io.workspacebackend.container;

import com.github.dockerjava.api.model.Ulimit;
import io.workspacebackend.config.RuntimeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where Podman's Docker-compatible API (verified on Podman 4.3) differs from Docker's (20.10, API
 * 1.41) in ways that matter to sessions. Everything engine-specific lives here, each with why; the
 * rest of the package speaks one API.
 */
enum EngineDialect {
  DOCKER,
  PODMAN;

  /** Used when a spec asks for the engine's default limits (0). */
  static final long DEFAULT_ULIMIT = 4096;

  /** SIGKILL's exit status: 128 + 9. */
  static final int KILLED_EXIT_CODE = 137;

  static EngineDialect of(RuntimeKind kind) {
    return kind == RuntimeKind.PODMAN ? PODMAN : DOCKER;
  }

  /**
   * Podman's rootful runc on this kind of host fails every container start ("error setting rlimit
   * type 7") unless nofile and nproc are set per container, so Podman always gets explicit limits;
   * Docker may inherit its daemon's defaults.
   */
  List<Ulimit> ulimits(long nofile, long nproc) {
    long files = nofile > 0 || this == DOCKER ? nofile : DEFAULT_ULIMIT;
    long processes = nproc > 0 || this == DOCKER ? nproc : DEFAULT_ULIMIT;
    List<Ulimit> limits = new ArrayList<>();
    if (files > 0) {
      limits.add(new Ulimit("nofile", files, files));
    }
    if (processes > 0) {
      limits.add(new Ulimit("nproc", processes, processes));
    }
    return List.copyOf(limits);
  }

  /**
   * A tmpfs's mount options. Both engines pass size, mode and the exec, suid and dev flags to the
   * kernel as given; every one is explicit, since their defaults differ (Docker's tmpfs is noexec,
   * Podman's is not). Verified on Docker 20.10 and Podman 4.3's compatible API, they differ in two
   * more ways: Podman refuses {@code uid=} and {@code gid=} ("unknown mount option") and takes
   * {@code U}, which chowns the tmpfs to the container's user, while Docker passes {@code uid=} and
   * {@code gid=} to the kernel and refuses {@code U}; and Podman copies what the image has at the
   * path into the tmpfs unless told {@code notmpcopyup}, which Docker never does. So a tmpfs starts
   * empty and owned alike on both.
   */
  String tmpfsOptions(Tmpfs tmpfs, String uidGid) {
    List<String> options = new ArrayList<>();
    options.add("size=" + tmpfs.size().toBytes());
    options.add("mode=" + tmpfs.octalMode());
    options.add(tmpfs.executable() ? "exec" : "noexec");
    options.add("nosuid");
    options.add("nodev");
    if (tmpfs.ownedByUser()) {
      if (this == PODMAN) {
        options.add("U");
      } else {
        String[] ids = uidGid.split(":", 2);
        options.add("uid=" + ids[0]);
        options.add("gid=" + ids[1]);
      }
    }
    if (this == PODMAN) {
      options.add("notmpcopyup");
    }
    return String.join(",", options);
  }

  /**
   * The user namespace a container gets. Rootless Podman maps the container's root to its own
   * account and every other uid to the account's subordinate ids, so a session's user (uid 1000)
   * would write its workspace as some subordinate id the account can neither chown nor clean up.
   * {@code keep-id:uid=U,gid=G} maps the container's user to the engine's account instead (Podman
   * 4.3 takes it through the compatible API's {@code UsernsMode}, verified): the workspace stays
   * the account's, writable without opening it to anyone else. Root inside the container is then a
   * subordinate id without any power over the account's files. Needs a numeric {@code uid:gid}
   * user; elsewhere the engine's default applies.
   */
  Optional<String> usernsMode(boolean rootless, Optional<String> user) {
    if (this != PODMAN || !rootless) {
      return Optional.empty();
    }
    return user.filter(ContainerSpec.NUMERIC_USER.asMatchPredicate())
        .map(ids -> ids.split(":", 2))
        .map(ids -> "keep-id:uid=" + ids[0] + ",gid=" + ids[1]);
  }

  /**
   * Docker isolates user-defined bridge networks from each other with its own iptables chains.
   * Podman's netavark lets containers on two bridges reach each other unless the network is created
   * with {@code isolate=true} (the compatible API warns "not a recognized option" but netavark
   * applies it; verified by a connection from another network being refused).
   */
  Map<String, String> networkOptions() {
    return this == PODMAN ? Map.of("isolate", "true") : Map.of();
  }

  /**
   * Maps an engine's event action to ours. Podman says {@code remove} where Docker says {@code
   * destroy}, and adds {@code init}, {@code cleanup}, {@code attach} and others that sessions do
   * not need. Docker's {@code exec_start: sh} style actions carry a suffix after a colon.
   */
  Optional<RuntimeEvent.Type> eventType(String action) {
    if (action == null) {
      return Optional.empty();
    }
    String verb = action.split(":", 2)[0].strip().toLowerCase(Locale.ROOT);
    return switch (verb) {
      case "create" -> Optional.of(RuntimeEvent.Type.CREATE);
      case "start" -> Optional.of(RuntimeEvent.Type.START);
      case "kill" -> Optional.of(RuntimeEvent.Type.KILL);
      case "stop" -> Optional.of(RuntimeEvent.Type.STOP);
      case "oom" -> Optional.of(RuntimeEvent.Type.OOM);
      case "die" -> Optional.of(RuntimeEvent.Type.DIE);
      case "destroy" -> Optional.of(RuntimeEvent.Type.DESTROY);
      case "remove" -> this == PODMAN ? Optional.of(RuntimeEvent.Type.DESTROY) : Optional.empty();
      default -> Optional.empty();
    };
  }

  /**
   * Both engines put the exit status of a {@code die} event in the {@code exitCode} attribute.
   * Podman also sets {@code containerExitCode} on every event, "0" on all but {@code die}, so that
   * one is never read: it would report a running container as having exited 0.
   */
  OptionalInt exitCode(RuntimeEvent.Type type, Map<String, String> attributes) {
    if (type != RuntimeEvent.Type.DIE || attributes == null) {
      return OptionalInt.empty();
    }
    String value = attributes.get("exitCode");
    if (value == null) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(value.strip()));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /**
   * Whether a one-shot stats answer ({@code stream=false}) carries the previous CPU sample needed
   * for a percentage. Docker waits a sampling interval and fills {@code precpu_stats}; Podman
   * leaves it empty, and the first frame of its stream compares with a sample taken milliseconds
   * earlier, so for Podman two one-shot answers are taken a second apart.
   */
  boolean oneShotStatsHavePrevious() {
    return this == DOCKER;
  }

  /**
   * Whether an error answer means the request conflicts with existing state. Docker answers 409 for
   * a container name already in use; Podman answers 500 with "the container name ... is already in
   * use" (in its message, also for networks).
   */
  boolean isConflict(int status, String message) {
    return status == 409 || (this == PODMAN && status == 500 && message.contains("already in use"));
  }

  /**
   * Whether a container that exited this way was killed by the kernel's OOM killer although the
   * engine did not say so. Podman before 5.0 never reports OOM kills: conmon writes its "oom"
   * marker into its working directory and Podman does not read it (containers/podman#13102, fixed
   * by #21523), so {@code State.OOMKilled} stays false and no {@code oom} event is sent. Docker
   * reports them, but misses an OOM kill in the first moments after start (its exit is handled
   * before the OOM notification). On both, only someone outside the container can SIGKILL its main
   * process (PID 1 ignores SIGKILL from inside its namespace), and a kill through the engine is
   * announced by a {@code kill} or {@code stop} event; an unannounced SIGKILL exit is the kernel's.
   * The limit of this inference: a PID 1 that exits with the status of a child something inside
   * killed with SIGKILL looks the same; the session image's entrypoint never does (it exits 71 for
   * a service killed by a signal, and 137 only when its memory cgroup counted an OOM kill).
   */
  static boolean unannouncedKill(int exitCode, boolean engineKilledIt) {
    return exitCode == KILLED_EXIT_CODE && !engineKilledIt;
  }
}
