package io.workspacebackend.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.config.RuntimeKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocketCandidatesTest {
  private static final Path MAC_HOME = Path.of("/Users/dev");
  private static final Path LINUX_HOME = Path.of("/home/dev");
  private static final String MAC_TMPDIR = "/var/folders/9r/n3056v597wv2cq8s2j80bdnw0000gn/T/";

  @Test
  void autoOnMacOsTriesEveryDockerProductBeforeAPodmanMachine() {
    List<String> sockets =
        uris(
            new SocketCandidates(Map.of("TMPDIR", MAC_TMPDIR), MAC_HOME, "Mac OS X"),
            RuntimeKind.AUTO);

    assertThat(sockets)
        .containsExactly(
            "unix:///var/run/docker.sock",
            "unix:///Users/dev/.docker/run/docker.sock",
            "unix:///Users/dev/.colima/default/docker.sock",
            "unix:///Users/dev/.rd/docker.sock",
            "unix:///var/folders/9r/n3056v597wv2cq8s2j80bdnw0000gn/T/podman/podman-machine-default-api.sock",
            "unix:///Users/dev/.local/share/containers/podman/machine/qemu/podman.sock",
            "unix:///Users/dev/.local/share/containers/podman/machine/podman-machine-default/podman.sock");
  }

  @Test
  void eachMacOsSocketNamesTheProductItBelongsTo() {
    List<String> sources =
        new SocketCandidates(Map.of("TMPDIR", MAC_TMPDIR), MAC_HOME, "Mac OS X")
            .list(RuntimeKind.AUTO, Optional.empty()).stream()
                .map(SocketCandidate::source)
                .toList();

    assertThat(sources)
        .containsExactly(
            "Docker's default socket",
            "Docker Desktop",
            "Colima",
            "Rancher Desktop",
            "Podman machine",
            "Podman 4 machine (qemu)",
            "Podman 4 machine (older)");
  }

  @Test
  void colimaHomeMovesColimasSocket() {
    List<String> sockets =
        uris(
            new SocketCandidates(Map.of("COLIMA_HOME", "/opt/colima"), MAC_HOME, "Mac OS X"),
            RuntimeKind.DOCKER);

    assertThat(sockets)
        .contains("unix:///opt/colima/default/docker.sock")
        .doesNotContain("unix:///Users/dev/.colima/default/docker.sock");
  }

  @Test
  void podmanOnMacOsWithoutTmpdirStillTriesTheMachineSocketsInHome() {
    List<String> sockets =
        uris(new SocketCandidates(Map.of(), MAC_HOME, "Mac OS X"), RuntimeKind.PODMAN);

    assertThat(sockets)
        .containsExactly(
            "unix:///Users/dev/.local/share/containers/podman/machine/qemu/podman.sock",
            "unix:///Users/dev/.local/share/containers/podman/machine/podman-machine-default/podman.sock");
  }

  @Test
  void autoOnLinuxTriesRootlessThenRootfulPodmanBeforeDocker() {
    List<String> sockets =
        uris(
            new SocketCandidates(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), LINUX_HOME, "Linux"),
            RuntimeKind.AUTO);

    assertThat(sockets)
        .containsExactly(
            "unix:///run/user/1000/podman/podman.sock",
            "unix:///run/podman/podman.sock",
            "unix:///var/run/docker.sock",
            "unix:///run/user/1000/docker.sock",
            "unix:///home/dev/.docker/desktop/docker.sock");
  }

  @Test
  void linuxNeverTriesTheMacOsVmSockets() {
    List<String> sockets =
        uris(new SocketCandidates(Map.of("TMPDIR", "/tmp"), LINUX_HOME, "Linux"), RuntimeKind.AUTO);

    assertThat(sockets).noneMatch(uri -> uri.contains("colima") || uri.contains("machine"));
  }

  @Test
  void withoutXdgRuntimeDirTheAccountsLoginRuntimeDirectoryIsTried(@TempDir Path runUser) {
    List<String> sockets =
        uris(
            new SocketCandidates(Map.of(), LINUX_HOME, "Linux", Optional.of(runUser)),
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
                Map.of(), LINUX_HOME, "Linux", Optional.of(Path.of("/run/user/no-such-account"))),
            RuntimeKind.PODMAN);

    assertThat(sockets).containsExactly("unix:///run/podman/podman.sock");
  }

  @Test
  void xdgRuntimeDirWinsOverTheLoginRuntimeDirectory(@TempDir Path runUser) {
    List<String> sockets =
        uris(
            new SocketCandidates(
                Map.of("XDG_RUNTIME_DIR", "/run/user/1000"),
                LINUX_HOME,
                "Linux",
                Optional.of(runUser)),
            RuntimeKind.PODMAN);

    assertThat(sockets).startsWith("unix:///run/user/1000/podman/podman.sock").hasSize(2);
  }

  @Test
  void dockerHostLeadsAndABarePathBecomesAUnixUri() {
    List<String> sockets =
        uris(
            new SocketCandidates(Map.of("DOCKER_HOST", "/srv/engine.sock"), LINUX_HOME, "Linux"),
            RuntimeKind.DOCKER);

    assertThat(sockets).startsWith("unix:///srv/engine.sock", "unix:///var/run/docker.sock");
    assertThat(sockets).noneMatch(uri -> uri.contains("podman"));
  }

  private static List<String> uris(SocketCandidates candidates, RuntimeKind kind) {
    return candidates.list(kind, Optional.empty()).stream()
        .map(candidate -> candidate.uri().toString())
        .toList();
  }
}
