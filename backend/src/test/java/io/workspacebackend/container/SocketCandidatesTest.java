package io.workspacebackend.container;

import static io.workspacebackend.container.RuntimeDetectorTest.container;
import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.config.RuntimeKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocketCandidatesTest {
  private static final Path HOME = Path.of("/Users/dev");

  @Test
  void autoOnMacOsTriesDockerDesktopBeforeAPodmanMachine() {
    List<String> sockets = uris(new SocketCandidates(Map.of(), HOME, "Mac OS X"), RuntimeKind.AUTO);

    assertThat(sockets)
        .containsSubsequence(
            "unix:///var/run/docker.sock",
            "unix:///Users/dev/.docker/run/docker.sock",
            "unix:///run/podman/podman.sock",
            "unix:///Users/dev/.local/share/containers/podman/machine/podman.sock");
  }

  @Test
  void autoOnLinuxTriesRootlessThenRootfulPodmanBeforeDocker() {
    List<String> sockets =
        uris(
            new SocketCandidates(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), HOME, "Linux"),
            RuntimeKind.AUTO);

    assertThat(sockets)
        .containsExactly(
            "unix:///run/user/1000/podman/podman.sock",
            "unix:///run/podman/podman.sock",
            "unix:///var/run/docker.sock",
            "unix:///run/user/1000/docker.sock");
  }

  @Test
  void withoutXdgRuntimeDirTheAccountsLoginRuntimeDirectoryIsTried(@TempDir Path runUser) {
    List<String> sockets =
        uris(
            new SocketCandidates(Map.of(), HOME, "Linux", Optional.of(runUser)),
            RuntimeKind.PODMAN);

    assertThat(sockets)
        .containsExactly(
            "unix://" + runUser.resolve("podman/podman.sock"), "unix:///run/podman/podman.sock");
  }

  @Test
  void aLoginRuntimeDirectoryThatDoesNotExistIsNotTried() {
    List<String> sockets =
        uris(
            new SocketCandidates(
                Map.of(), HOME, "Linux", Optional.of(Path.of("/run/user/no-such-account"))),
            RuntimeKind.PODMAN);

    assertThat(sockets).containsExactly("unix:///run/podman/podman.sock");
  }

  @Test
  void xdgRuntimeDirWinsOverTheLoginRuntimeDirectory(@TempDir Path runUser) {
    List<String> sockets =
        uris(
            new SocketCandidates(
                Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), HOME, "Linux", Optional.of(runUser)),
            RuntimeKind.PODMAN);

    assertThat(sockets).startsWith("unix:///run/user/1000/podman/podman.sock").hasSize(2);
  }

  @Test
  void dockerHostLeadsAndABarePathBecomesAUnixUri() {
    List<String> sockets =
        uris(
            new SocketCandidates(Map.of("DOCKER_HOST", "/srv/engine.sock"), HOME, "Linux"),
            RuntimeKind.DOCKER);

    assertThat(sockets).startsWith("unix:///srv/engine.sock", "unix:///var/run/docker.sock");
    assertThat(sockets).noneMatch(uri -> uri.contains("podman"));
  }

  private static List<String> uris(SocketCandidates candidates, RuntimeKind kind) {
    return candidates.list(container(kind, null, null)).stream()
        .map(candidate -> candidate.uri().toString())
        .toList();
  }
}
