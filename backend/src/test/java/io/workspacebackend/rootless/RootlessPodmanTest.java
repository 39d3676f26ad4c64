package io.workspacebackend.rootless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.image.ImageBuilder;
import io.workspacebackend.image.ImageSources;
import io.workspacebackend.model.health.Health;
import io.workspacebackend.model.session.CreateSessionRequest;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.proxy.TtydClient;
import io.workspacebackend.testing.FollowedStream;
import io.workspacebackend.testing.SessionImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The backend as README's "Rootless Podman" runs it: as an ordinary account ({@link
 * ServiceAccount}), started by the example user unit's own command line, on that account's rootless
 * Podman, with the real session image. A user's walk through one session, checked from the user's
 * side and from the host's. Needs root to make the account (CI runs as root); skipped otherwise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// The account builds the session image first: minutes on a fresh machine.
@Timeout(value = 25, unit = TimeUnit.MINUTES)
class RootlessPodmanTest {
  private static final Path EXAMPLES = Path.of("..", "examples", "rootless");
  private static final Duration START = Duration.ofMinutes(3);
  private static final String PASSWORD = "a long passphrase for the admin";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Path directory;
  private ServiceAccount account;
  private RootlessPodmanService podman;
  private InstalledBackend installed;
  private String imageBuild;
  private AccountProcess serve;
  private WorkspaceClient client;
  private Session session;

  @BeforeAll
  void aSessionRunsForTheFirstAdminOfABackendServedByTheUserUnit() throws Exception {
    assumeThat(Files.getAttribute(Path.of("/proc/self"), "unix:uid"))
        .as("making a service account needs root")
        .isEqualTo(0);
    account = ServiceAccount.prepare();
    directory = Files.createTempDirectory("workspace-backend-rootless");
    account.own(directory);
    podman =
        RootlessPodmanService.start(
            account,
            ServiceLimits.of(UnitFile.read(EXAMPLES.resolve("podman-limits.conf"))),
            directory.resolve("podman.log"));
    UnitFile unit = UnitFile.read(EXAMPLES.resolve("workspace-backend.service"));
    int port = freePort();
    installed =
        InstalledBackend.install(
            account,
            directory.resolve("install"),
            unit,
            Map.of(
                "WORKSPACE_BACKEND__SERVER__PORT",
                Integer.toString(port),
                // Sessions' ports away from other tests' running beside this one.
                "WORKSPACE_BACKEND__CONTAINER__BASE_PORT",
                Integer.toString(ThreadLocalRandom.current().nextInt(42_000, 60_000)),
                "WORKSPACE_BACKEND__SESSIONS__STARTUP_TIMEOUT",
                "180s"));
    // README "Rootless Podman": the account builds its own session image (images are per account).
    imageBuild = installed.run("image", "build");
    serve = installed.start(installed.execStart(unit), directory.resolve("serve.log"));
    client = WorkspaceClient.forServer(URI.create("http://127.0.0.1:" + port));
    try {
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(250))
          .failFast("serve ended", () -> !serve.isAlive())
          .ignoreExceptions()
          .until(() -> "ok".equals(client.health().status()));
    } catch (RuntimeException e) {
      throw new AssertionError(e.getMessage() + "; serve printed: " + serve.output(), e);
    }

    // README "First admin": the code is made on the machine, as the service account.
    String code = installed.run("invite-codes", "generate", "--role", "admin").strip();
    client.register(code, "admin", PASSWORD);
    Session created = client.createSession(new CreateSessionRequest("rootless", null, null, null));
    session = awaitStatus(created, SessionStatus.RUNNING);
  }

  @AfterAll
  void everythingStartedIsStopped() throws Exception {
    if (serve != null) {
      serve.close();
    }
    if (podman != null) {
      podman.close();
    }
    if (directory != null) {
      HostCommand.run(List.of("rm", "-rf", directory.toString()));
    }
  }

  @Test
  @Order(0)
  void theAccountBuiltItsOwnSessionImageOnItsRootlessPodman() throws Exception {
    assertThat(imageBuild)
        .contains("image: using podman")
        .contains(podman.socket().toString())
        .doesNotContain("Exception");
    try (DockerClient engine = podman.client()) {
      assertThat(
              engine
                  .inspectImageCmd(SessionImage.TAG)
                  .exec()
                  .getConfig()
                  .getLabels()
                  .get(ImageBuilder.HASH_LABEL))
          .isEqualTo(new ImageSources(Path.of("..").toAbsolutePath().normalize()).contentHash());
    }
  }

  @Test
  @Order(1)
  void theBackendFindsTheAccountsRootlessPodmanAndSaysWhichLimitsItCannotEnforce() {
    Health.Part runtime = client.health().runtime();

    assertThat(runtime.details())
        .containsEntry("kind", "podman")
        .containsEntry("socket", podman.socket().toString())
        .containsEntry("rootless", true);
    assertThat(session.runtime()).isEqualTo("podman");
    if (runtime.details().get("engine_version").toString().startsWith("4.")) {
      // containers/podman#25881: its compatible API ignores ulimits when rootless.
      assertThat(runtime.details().get("unenforced_limits").toString())
          .contains("nofile and nproc ulimits");
      assertThat(serve.output()).contains("does not enforce these session limits");
    }
  }

  @Test
  @Order(2)
  void aFileWrittenThroughTheSessionIsTheServiceAccountsOnTheHost() throws Exception {
    HttpResponse<String> put =
        files(
            HttpRequest.newBuilder(filesUri("/file?path=notes/hello.txt"))
                .PUT(HttpRequest.BodyPublishers.ofString("written in a rootless session")));
    assertThat(put.statusCode()).isIn(201, 204);
    HttpResponse<String> get =
        files(HttpRequest.newBuilder(filesUri("/file?path=notes/hello.txt")));

    assertThat(get.body()).isEqualTo("written in a rootless session");
    Path workspace = Path.of(session.workspacePath());
    assertThat(ownerOf(workspace.resolve("notes/hello.txt"))).isEqualTo(account.uid());
    assertThat(ownerOf(workspace.resolve("notes"))).isEqualTo(account.uid());
    assertThat(ownerOf(workspace)).isEqualTo(account.uid());
    // The account's own directory: nobody else on the host may write into it.
    assertThat(Files.getPosixFilePermissions(workspace, LinkOption.NOFOLLOW_LINKS))
        .doesNotContain(PosixFilePermission.OTHERS_WRITE, PosixFilePermission.GROUP_WRITE);
  }

  @Test
  @Order(3)
  void theTerminalIsTheSessionUserWithLimitsAndWithoutTheBackendsFiles() throws Exception {
    Path database = installed.dataDirectory().resolve("workspace-backend.db");
    Path secret = installed.dataDirectory().resolve("jwt-secret");
    Path engine = Path.of(podman.socket().getPath());
    assertThat(database).exists();
    assertThat(secret).exists();
    try (TtydClient terminal =
        new TtydClient(
            client.terminalUri(session.id()),
            Map.of("Authorization", "Bearer " + client.token()))) {
      terminal.init(250, 40);
      terminal.awaitOutput("dev@\\S+:\\S*~/workspace\\S*\\$ ", 60);
      terminal.type(
          "echo \"uid=$(id -u) nofile=$(ulimit -n) nproc=$(ulimit -u)\"; ls "
              + database
              + " "
              + secret
              + " "
              + engine
              + "; echo typed > typed.txt; echo done-$((6*7))\r");
      terminal.awaitOutput("^done-42", 30);

      assertThat(terminal.text())
          .contains("uid=1000 nofile=4096 nproc=4096")
          .contains("cannot access '" + database + "': No such file or directory")
          .contains("cannot access '" + secret + "': No such file or directory")
          .contains("cannot access '" + engine + "': No such file or directory");
    }
    assertThat(ownerOf(Path.of(session.workspacePath(), "typed.txt"))).isEqualTo(account.uid());
  }

  @Test
  @Order(4)
  void opencodesEventStreamComesThroughTheProxy() throws Exception {
    try (FollowedStream events =
        FollowedStream.open(
            URI.create(client.baseUri() + "/sessions/" + session.id() + "/opencode/event"),
            client.token())) {
      assertThat(events.status(Duration.ofSeconds(30))).isEqualTo(200);
      events.awaitLine("server\\.connected", Duration.ofSeconds(30));
    }
  }

  @Test
  @Order(5)
  void deletingTheSessionRemovesItsContainerAndKeepsTheWorkspace() {
    client.deleteSession(session.id());

    try (DockerClient engine = podman.client()) {
      await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(250))
          .untilAsserted(
              () ->
                  assertThatThrownBy(() -> engine.inspectContainerCmd(session.containerId()).exec())
                      .isInstanceOf(NotFoundException.class));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    assertThat(Path.of(session.workspacePath(), "notes/hello.txt"))
        .hasContent("written in a rootless session");
  }

  private Session awaitStatus(Session created, SessionStatus status) {
    Session[] latest = {created};
    await()
        .atMost(START)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              latest[0] = client.session(created.id());
              if (latest[0].status() == SessionStatus.FAILED) {
                throw new AssertionError("session failed: " + latest[0].errorMessage());
              }
              return latest[0].status() == status;
            });
    return latest[0];
  }

  private URI filesUri(String pathAndQuery) {
    return URI.create(client.baseUri() + "/sessions/" + session.id() + "/files" + pathAndQuery);
  }

  private HttpResponse<String> files(HttpRequest.Builder request) throws Exception {
    return HTTP.send(
        request.header("Authorization", "Bearer " + client.token()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int ownerOf(Path path) throws IOException {
    return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
