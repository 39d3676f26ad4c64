package io.workspacebackend.sessionimage;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.workspacebackend.sessionimage.SessionContainer.Service;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The session image on the real Docker engine, started as the container contract says. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SessionImageTest {

  private static final Duration STARTUP = Duration.ofSeconds(60);

  private static DockerClient docker;

  @TempDir Path workspace;
  private final String secret = UUID.randomUUID().toString();

  @BeforeAll
  @Timeout(value = 20, unit = TimeUnit.MINUTES)
  static void provideImage() throws Exception {
    docker = Engine.DOCKER.client();
    Engine.DOCKER.provideImage(docker);
  }

  @AfterAll
  static void closeClient() throws IOException {
    docker.close();
  }

  @Test
  void allThreeServicesAnswerWithTheSecretAndRefuseWithoutIt() throws Exception {
    try (var container = SessionContainer.start(docker, workspace, secret)) {
      container.awaitServices(STARTUP);

      for (var service : Service.values()) {
        assertThat(container.get(service, service.probePath, false).statusCode())
            .as("%s without the secret", service)
            .isEqualTo(401);
      }
      assertThat(container.get(Service.OPENCODE, "/global/health", true).body())
          .contains("healthy");
      assertThat(container.get(Service.TTYD, "/token", true).body()).contains("token");
    }
  }

  /**
   * Any account on the host can read every process's arguments ({@code ps}), the container's
   * included, and the secret opens all three services on their host ports: it must be on no command
   * line. (ttyd used to carry it as {@code --credential}.)
   */
  @Test
  void theSecretIsOnNoCommandLineThatTheHostsAccountsCanRead() throws Exception {
    try (var container = SessionContainer.start(docker, workspace, secret)) {
      container.awaitServices(STARTUP);

      List<String> commandLines = new ArrayList<>();
      try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
        for (Path process : processes.toList()) {
          if (process.getFileName().toString().chars().allMatch(Character::isDigit)) {
            try {
              commandLines.add(
                  new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
                      .replace('\0', ' '));
            } catch (IOException ended) {
              // The process ended while the list was read.
            }
          }
        }
      }
      assertThat(commandLines).anyMatch(line -> line.startsWith("ttyd "));
      assertThat(commandLines).noneMatch(line -> line.contains(secret));
    }
  }

  @Test
  void theFileServerWorksOnTheMountedWorkspaceAsUser1000() throws Exception {
    Files.writeString(workspace.resolve("hello.txt"), "from the host");
    try (var container = SessionContainer.start(docker, workspace, secret)) {
      container.awaitServices(STARTUP);

      assertThat(container.get(Service.FILESERVER, "/file?path=hello.txt", true).body())
          .isEqualTo("from the host");
      assertThat(container.exec("id", "-u")).isEqualTo("1000\n");
      assertThat(container.exec("touch", "/home/dev/workspace/made-inside")).isEmpty();
      assertThat(Files.getAttribute(workspace.resolve("made-inside"), "unix:uid")).isEqualTo(1000);
    }
  }

  @Test
  void withoutASecretTheContainerRefusesToStartAndSaysWhy() throws Exception {
    try (var container = SessionContainer.start(docker, workspace, null)) {
      assertThat(container.awaitExit(Duration.ofSeconds(30))).isNotZero();
      assertThat(container.logs()).contains("SESSION_SECRET is not set");
    }
  }

  @Test
  void whenOneServiceDiesTheContainerExitsNonZeroAndItsLogsNameIt() throws Exception {
    try (var container = SessionContainer.start(docker, workspace, secret)) {
      container.awaitServices(STARTUP);

      container.exec("pkill", "-KILL", "-x", "ttyd");

      assertThat(container.awaitExit(Duration.ofSeconds(15))).isNotZero();
      assertThat(container.logs()).contains("ttyd exited with status 137").doesNotContain(secret);
    }
  }

  @Test
  void dockerStopEndsTheContainerWithExitZeroWithinTenSeconds() throws Exception {
    try (var container = SessionContainer.start(docker, workspace, secret)) {
      container.awaitServices(STARTUP);

      long started = System.nanoTime();
      container.stop(Duration.ofSeconds(10));
      var took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(container.exitCode()).isZero();
      assertThat(took).isLessThan(Duration.ofSeconds(10));
      assertThat(container.logs()).contains("stopping on request").doesNotContain(secret);
    }
  }
}
