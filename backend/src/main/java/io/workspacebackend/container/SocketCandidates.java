package io.workspacebackend.container;

import io.workspacebackend.config.RuntimeKind;
import io.workspacebackend.config.WorkspaceConfig;
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
 * product's README promises for {@code runtime = "auto"}.
 *
 * <p>Rootless engines listen in the account's runtime directory: {@code XDG_RUNTIME_DIR}, or, when
 * that is unset (a system service started with {@code User=}, {@code runuser}, cron), the directory
 * a login would have given it, {@code /run/user/<uid>}, if it exists.
 */
final class SocketCandidates {
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

  /** Explicit settings first: when the operator named a socket, nothing else is tried. */
  List<SocketCandidate> list(WorkspaceConfig.Container config) {
    RuntimeKind wanted = config.runtime();
    Optional<String> configured = config.socket();
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
      candidates.addAll(kind == RuntimeKind.DOCKER ? dockerSockets() : podmanSockets());
    }
    return candidates;
  }

  private List<SocketCandidate> dockerSockets() {
    List<SocketCandidate> sockets = new ArrayList<>();
    sockets.add(
        unix(Path.of("/var/run/docker.sock"), "Docker's default socket", RuntimeKind.DOCKER));
    runtimeDir()
        .ifPresent(
            dir ->
                sockets.add(
                    unix(dir.resolve("docker.sock"), "rootless Docker", RuntimeKind.DOCKER)));
    if (macOs) {
      sockets.add(
          unix(home.resolve(".docker/run/docker.sock"), "Docker Desktop", RuntimeKind.DOCKER));
      sockets.add(
          unix(
              home.resolve(".docker/desktop/docker.sock"),
              "Docker Desktop (older)",
              RuntimeKind.DOCKER));
    }
    return sockets;
  }

  private List<SocketCandidate> podmanSockets() {
    List<SocketCandidate> sockets = new ArrayList<>();
    runtimeDir()
        .ifPresent(
            dir ->
                sockets.add(
                    unix(
                        dir.resolve("podman/podman.sock"), "rootless Podman", RuntimeKind.PODMAN)));
    sockets.add(unix(Path.of("/run/podman/podman.sock"), "rootful Podman", RuntimeKind.PODMAN));
    if (macOs) {
      sockets.add(
          unix(
              home.resolve(".local/share/containers/podman/machine/podman.sock"),
              "Podman machine",
              RuntimeKind.PODMAN));
      sockets.add(
          unix(
              home.resolve(".local/share/containers/podman/machine/qemu/podman.sock"),
              "Podman machine (qemu)",
              RuntimeKind.PODMAN));
    }
    return sockets;
  }

  private Optional<Path> runtimeDir() {
    String dir = environment.get("XDG_RUNTIME_DIR");
    if (dir != null && !dir.isBlank()) {
      return Optional.of(Path.of(dir));
    }
    return loginRuntimeDir.filter(Files::isDirectory);
  }

  private static SocketCandidate unix(Path socket, String source, RuntimeKind kind) {
    return new SocketCandidate(URI.create("unix://" + socket), source, kind);
  }

  /** Accepts {@code unix:///path}, {@code tcp://host:port} or a bare socket path. */
  static URI toUri(String text) {
    String trimmed = text.strip();
    return trimmed.startsWith("/") ? URI.create("unix://" + trimmed) : URI.create(trimmed);
  }
}
