package io.workspacebackend.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.workspacebackend.config.RuntimeKind;
import io.workspacebackend.config.WorkspaceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Detection against the real engines CI runs: Docker and Podman's compatible socket. */
@Timeout(60)
class RuntimeDetectorTest {
  private static final Path HOME = Path.of("/nonexistent-home");

  @Test
  void forcingDockerFindsTheDockerEngineAtItsDefaultSocket() throws Exception {
    DetectedRuntime runtime = detector(Map.of()).detect(container(RuntimeKind.DOCKER, null, null));

    assertThat(runtime.kind()).isEqualTo(RuntimeKind.DOCKER);
    assertThat(runtime.socket()).hasToString("unix:///var/run/docker.sock");
    assertThat(runtime.apiVersion()).isEqualTo("1.41");
    assertThat(runtime.engineVersion()).isNotBlank();
  }

  @Test
  void forcingPodmanFindsPodmansCompatibleSocket() throws Exception {
    DetectedRuntime runtime = detector(Map.of()).detect(container(RuntimeKind.PODMAN, null, null));

    assertThat(runtime.kind()).isEqualTo(RuntimeKind.PODMAN);
    assertThat(runtime.socket()).hasToString("unix:///run/podman/podman.sock");
    assertThat(runtime.engineVersion()).startsWith("4.");
    // CI's Podman at /run/podman runs as root: sessions' users keep their own uid.
    assertThat(runtime.rootless()).isEmpty();
    assertThat(runtime.hostUidOf(1000)).isEqualTo(1000);
  }

  @Test
  void autoPrefersPodmanOnLinuxWhenBothAnswer() throws Exception {
    DetectedRuntime runtime = detector(Map.of()).detect(container(RuntimeKind.AUTO, null, null));

    assertThat(runtime.kind()).isEqualTo(RuntimeKind.PODMAN);
  }

  @Test
  void autoWithDockerAsTheBinaryPicksDockerThoughPodmanIsFoundFirst() throws Exception {
    DetectedRuntime runtime =
        detector(Map.of()).detect(container(RuntimeKind.AUTO, null, "docker"));

    assertThat(runtime.kind()).isEqualTo(RuntimeKind.DOCKER);
    assertThat(runtime.socket()).hasToString("unix:///var/run/docker.sock");
  }

  @Test
  void autoWithPodmanAsTheBinaryPicksPodman() throws Exception {
    DetectedRuntime runtime =
        detector(Map.of()).detect(container(RuntimeKind.AUTO, null, "/usr/bin/podman"));

    assertThat(runtime.kind()).isEqualTo(RuntimeKind.PODMAN);
  }

  @Test
  void theBinarysVersionOutputTellsItsEngineNotItsName(@TempDir Path bin) throws Exception {
    // As podman-docker installs it: a "docker" that runs Podman and says so.
    Path docker = bin.resolve("docker");
    Files.writeString(
        docker,
        """
        #!/bin/sh
        [ "$1" = --version ] && echo 'Emulate Docker CLI using podman.'
        exec podman "$@"
        """);
    Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));

    DetectedRuntime runtime =
        detector(Map.of()).detect(container(RuntimeKind.AUTO, null, docker.toString()));

    assertThat(runtime.kind()).isEqualTo(RuntimeKind.PODMAN);
  }

  @Test
  void whenTheBinaryChoseTheEngineTheErrorSaysSo() {
    assertThatThrownBy(
            () ->
                detector(Map.of())
                    .detect(container(RuntimeKind.AUTO, "/tmp/no-engine-here.sock", "docker")))
        .isInstanceOf(NoRuntimeException.class)
        .hasMessageStartingWith(
            "no docker engine (as container.binary = docker) answers (tried"
                + " unix:///tmp/no-engine-here.sock (container.socket): no such socket)");
  }

  @Test
  void dockerHostComesBeforeTheUsualSockets() throws Exception {
    DetectedRuntime runtime =
        detector(Map.of("DOCKER_HOST", "unix:///var/run/docker.sock"))
            .detect(container(RuntimeKind.AUTO, null, null));

    assertThat(runtime.kind()).isEqualTo(RuntimeKind.DOCKER);
    assertThat(runtime.source()).isEqualTo("DOCKER_HOST");
  }

  @Test
  void aConfiguredSocketIsTheOnlyOneTriedAndTheErrorSaysSo() {
    assertThatThrownBy(
            () ->
                detector(Map.of())
                    .detect(container(RuntimeKind.AUTO, "/tmp/no-engine-here.sock", null)))
        .isInstanceOf(NoRuntimeException.class)
        .hasMessage(
            "no container runtime answers (tried unix:///tmp/no-engine-here.sock"
                + " (container.socket): no such socket); start Docker or Podman (podman system"
                + " service), or set container.socket");
  }

  @Test
  void aSocketOfTheWrongRuntimeIsRefused() {
    assertThatThrownBy(
            () ->
                detector(Map.of())
                    .detect(container(RuntimeKind.DOCKER, "unix:///run/podman/podman.sock", null)))
        .isInstanceOf(NoRuntimeException.class)
        .hasMessageContaining(
            "unix:///run/podman/podman.sock (container.socket): answers, but is podman")
        .hasMessageStartingWith("no docker engine answers");
  }

  @Test
  void thePodmanCliReportsWhereItsSocketIs() {
    List<String> failures = new ArrayList<>();

    List<SocketCandidate> found =
        new BinarySocketQuery("Linux")
            .candidates(RuntimeKind.PODMAN, Optional.of("podman"), failures);

    assertThat(failures).isEmpty();
    assertThat(found)
        .singleElement()
        .satisfies(
            candidate -> {
              assertThat(candidate.uri()).hasToString("unix:///run/podman/podman.sock");
              assertThat(candidate.source()).isEqualTo("reported by `podman`");
            });
  }

  @Test
  void aMissingCliIsReportedAsAFailedAttempt() {
    List<String> failures = new ArrayList<>();

    List<SocketCandidate> found =
        new BinarySocketQuery("Linux")
            .candidates(RuntimeKind.DOCKER, Optional.of("/nonexistent/docker"), failures);

    assertThat(found).isEmpty();
    assertThat(failures).singleElement().asString().startsWith("`/nonexistent/docker`: ");
  }

  private static RuntimeDetector detector(Map<String, String> environment) {
    return new RuntimeDetector(
        new SocketCandidates(environment, HOME, "Linux"), new BinarySocketQuery("Linux"));
  }

  static WorkspaceConfig.Container container(RuntimeKind runtime, String socket, String binary) {
    return new WorkspaceConfig.Container(
        runtime,
        Optional.ofNullable(binary),
        Optional.ofNullable(socket),
        "opencode-dev:latest",
        41820,
        DataSize.ofGigabytes(2),
        2.0,
        512);
  }
}
