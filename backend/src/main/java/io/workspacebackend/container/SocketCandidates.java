package io.workspacebackend.container;

import io.workspacebackend.config.RuntimeKind;
import java.net.URI;
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
 */
final class SocketCandidates {
  private final Map<String, String> environment;
  private final Path home;
  private final boolean macOs;

  SocketCandidates(Map<String, String> environment, Path home, String osName) {
    this.environment = environment;
    this.home = home;
    this.macOs = osName.toLowerCase(Locale.ROOT).contains("mac");
  }

  static SocketCandidates forCurrentProcess() {
    return new SocketCandidates(
        System.getenv(), Path.of(System.getProperty("user.home")), System.getProperty("os.name"));
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
    return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
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
