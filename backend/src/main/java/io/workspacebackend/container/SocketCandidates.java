package io.workspacebackend.container;

import io.workspacebackend.config.RuntimeKind;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ordered places to look for an engine: {@code container.socket}, {@code DOCKER_HOST}, then
 * each runtime's usual sockets — Docker's first on macOS, Podman's first elsewhere, as the
 * product's README promises for {@code runtime = "auto"}. On macOS every engine runs in a VM whose
 * API socket each product puts in its own place; {@link BinarySocketQuery} covers what this list
 * misses.
 *
 * <p>Rootless engines listen in the account's runtime directory: {@code XDG_RUNTIME_DIR}, or, when
 * that is unset (a system service started with {@code User=}, {@code runuser}, cron), the directory
 * a login would have given it, {@code /run/user/<uid>}, if it exists.
 */
final class SocketCandidates {
  /** The machine {@code podman machine init} creates when given no name. */
  private static final String DEFAULT_PODMAN_MACHINE = "podman-machine-default";

  private final Map<String, String> environment;
  private final Path home;
  private final boolean macOs;
  private final Optional<Path> loginRuntimeDir;

  SocketCandidates(Map<String, String> environment, Path home, String osName) {
    this(environment, home, osName, Optional.empty());
  }

  SocketCandidates(
      Map<String, String> environment, Path home, String osName, Optional<Path> loginRuntimeDir) {
    this.environment = environment;
    this.home = home;
    this.macOs = osName.toLowerCase(Locale.ROOT).contains("mac");
    this.loginRuntimeDir = loginRuntimeDir;
  }

  static SocketCandidates forCurrentProcess() {
    return new SocketCandidates(
        System.getenv(),
        Path.of(System.getProperty("user.home")),
        System.getProperty("os.name"),
        loginRuntimeDirOfThisAccount());
  }

  /**
   * {@code /run/user/<uid>} for an account other than root (root's Podman is the rootful one, at
   * {@code /run/podman}); Linux only, where {@code /proc/self} belongs to the process's user.
   */
  private static Optional<Path> loginRuntimeDirOfThisAccount() {
    try {
      int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      return uid == 0 ? Optional.empty() : Optional.of(Path.of("/run/user", Integer.toString(uid)));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Where to look for the {@code wanted} runtime ({@code AUTO}: either). Explicit settings first:
   * when the operator named a socket ({@code configured}), nothing else is tried.
   */
  List<SocketCandidate> list(RuntimeKind wanted, Optional<String> configured) {
    if (configured.isPresent()) {
      return List.of(new SocketCandidate(toUri(configured.get()), "container.socket", wanted));
    }
    List<SocketCandidate> candidates = new ArrayList<>();
    String dockerHost = environment.get("DOCKER_HOST");
    if (dockerHost != null && !dockerHost.isBlank()) {
      candidates.add(new SocketCandidate(toUri(dockerHost), "DOCKER_HOST", wanted));
    }
    List<RuntimeKind> order =
        switch (wanted) {
          case DOCKER -> List.of(RuntimeKind.DOCKER);
          case PODMAN -> List.of(RuntimeKind.PODMAN);
          case AUTO ->
              macOs
                  ? List.of(RuntimeKind.DOCKER, RuntimeKind.PODMAN)
                  : List.of(RuntimeKind.PODMAN, RuntimeKind.DOCKER);
        };
    for (RuntimeKind kind : order) {
      if (kind == RuntimeKind.DOCKER) {
        candidates.addAll(macOs ? macDockerSockets() : linuxDockerSockets());
      } else {
        candidates.addAll(macOs ? macPodmanSockets() : linuxPodmanSockets());
      }
    }
    return candidates;
  }

  private List<SocketCandidate> linuxDockerSockets() {
    List<SocketCandidate> sockets = new ArrayList<>();
    sockets.add(docker(Path.of("/var/run/docker.sock"), "Docker's default socket"));
    runtimeDir()
        .ifPresent(dir -> sockets.add(docker(dir.resolve("docker.sock"), "rootless Docker")));
    sockets.add(docker(home.resolve(".docker/desktop/docker.sock"), "Docker Desktop for Linux"));
    return sockets;
  }

  /**
   * The default socket first: it is the one the user chose (Docker Desktop's "Allow the default
   * Docker socket", Colima's or Rancher Desktop's administrative link, podman-mac-helper).
   */
  private List<SocketCandidate> macDockerSockets() {
    Path colimaHome =
        Optional.ofNullable(environment.get("COLIMA_HOME"))
            .filter(dir -> !dir.isBlank())
            .map(Path::of)
            .orElse(home.resolve(".colima"));
    return List.of(
        docker(Path.of("/var/run/docker.sock"), "Docker's default socket"),
        docker(home.resolve(".docker/run/docker.sock"), "Docker Desktop"),
        docker(colimaHome.resolve("default/docker.sock"), "Colima"),
        docker(home.resolve(".rd/docker.sock"), "Rancher Desktop"));
  }

  private List<SocketCandidate> linuxPodmanSockets() {
    List<SocketCandidate> sockets = new ArrayList<>();
    runtimeDir()
        .ifPresent(
            dir -> sockets.add(podman(dir.resolve("podman/podman.sock"), "rootless Podman")));
    sockets.add(podman(Path.of("/run/podman/podman.sock"), "rootful Podman"));
    return sockets;
  }

  /**
   * The default Podman machine's API socket as each Podman generation places it; Podman Desktop
   * starts the same machine. Other machine names are found by asking {@code podman machine
   * inspect}.
   */
  private List<SocketCandidate> macPodmanSockets() {
    List<SocketCandidate> sockets = new ArrayList<>();
    tempDir()
        .ifPresent(
            dir ->
                sockets.add(
                    podman(
                        dir.resolve("podman/" + DEFAULT_PODMAN_MACHINE + "-api.sock"),
                        "Podman machine")));
    Path machines = home.resolve(".local/share/containers/podman/machine");
    sockets.add(podman(machines.resolve("qemu/podman.sock"), "Podman 4 machine (qemu)"));
    sockets.add(
        podman(
            machines.resolve(DEFAULT_PODMAN_MACHINE + "/podman.sock"), "Podman 4 machine (older)"));
    return sockets;
  }

  private Optional<Path> runtimeDir() {
    return directoryFrom("XDG_RUNTIME_DIR").or(() -> loginRuntimeDir.filter(Files::isDirectory));
  }

  /** macOS gives each user a private temporary directory under /var/folders. */
  private Optional<Path> tempDir() {
    return directoryFrom("TMPDIR");
  }

  private Optional<Path> directoryFrom(String variable) {
    String dir = environment.get(variable);
    return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
  }

  private static SocketCandidate docker(Path socket, String source) {
    return new SocketCandidate(URI.create("unix://" + socket), source, RuntimeKind.DOCKER);
  }

  private static SocketCandidate podman(Path socket, String source) {
    return new SocketCandidate(URI.create("unix://" + socket), source, RuntimeKind.PODMAN);
  }

  /** Accepts {@code unix:///path}, {@code tcp://host:port} or a bare socket path. */
  static URI toUri(String text) {
    String trimmed = text.strip();
    return trimmed.startsWith("/") ? URI.create("unix://" + trimmed) : URI.create(trimmed);
  }
}
