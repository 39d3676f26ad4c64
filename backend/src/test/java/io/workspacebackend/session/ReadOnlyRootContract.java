package io.workspacebackend.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.session.CreateSessionRequest;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.proxy.TtydClient;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import io.workspacebackend.testing.SessionClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running session's root filesystem is read-only, checked as its user and its operator would: the
 * engine's own inspect, writes as uid 1000 inside the container, and the session's services at work
 * on the writable places (opencode's file search, git in the terminal's shell).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReadOnlyRootContract {
  private static final Duration START = Duration.ofMinutes(3);
  private static final List<String> WRITABLE = List.of("/home/dev", "/tmp", "/var/tmp", "/run");

  private String token;
  private SessionClient owner;
  private Session session;

  abstract RunningBackend backend();

  /** The engine's command line, as an operator would use it. */
  abstract String engineBinary();

  @BeforeAll
  void aSessionRuns() {
    Accounts accounts = new Accounts(backend());
    token = accounts.register(Role.USER).token();
    owner = new SessionClient(accounts.as(token));
    Session created = owner.create(new CreateSessionRequest("read-only", null, null, Map.of()));
    // Running means opencode, the file server and ttyd all answered.
    session = owner.await(created.id(), SessionStatus.RUNNING, START);
  }

  @AfterAll
  void theSessionIsDeleted() {
    if (session != null) {
      owner.delete(session.id());
    }
  }

  @Test
  void theEngineShowsAReadOnlyRootWithTheWorkspaceAsTheOnlyBindMount() throws Exception {
    JsonNode container =
        JsonMapper.shared().readTree(engine("inspect", session.containerId())).get(0);
    JsonNode host = container.get("HostConfig");

    assertThat(host.get("ReadonlyRootfs").asBoolean()).isTrue();
    assertThat(host.get("Tmpfs").propertyNames()).containsExactlyInAnyOrderElementsOf(WRITABLE);
    assertThat(host.get("Binds")).hasSize(1);
    assertThat(container.get("Mounts"))
        .singleElement()
        .satisfies(
            mount -> {
              assertThat(mount.get("Type").asString()).isEqualTo("bind");
              assertThat(mount.get("Source").asString()).isEqualTo(session.workspacePath());
              assertThat(mount.get("Destination").asString())
                  .isEqualTo(SessionContainers.WORKSPACE_MOUNT);
            });
  }

  @Test
  void nothingOutsideTheWorkspaceAndTheTmpfsPlacesCanBeWritten() throws Exception {
    String refusals =
        asUser(
            "for d in / /usr /usr/local/bin /etc /home /opt /var; do"
                + " touch \"$d/probe\" 2>&1; done; true");
    for (String directory :
        List.of("/", "/usr", "/usr/local/bin", "/etc", "/home", "/opt", "/var")) {
      assertThat(refusals)
          .contains("cannot touch '" + directory + "/probe': Read-only file system");
    }
    // find stays on the root filesystem but names the mount points on it that are writable.
    assertThat(asUser("find / -xdev -writable 2>/dev/null; true").lines())
        .containsExactlyInAnyOrder("/home/dev", "/tmp", "/var/tmp");
  }

  @Test
  void theWorkspaceTmpAndTheHomesCachesAreWritableBoundedAndNotSetuid() throws Exception {
    String written =
        asUser(
            "for f in ~/workspace/w /tmp/w /var/tmp/w ~/w ~/.cache/w ~/.config/w"
                + " ~/.local/share/opencode/w ~/.bash_history; do echo x >> \"$f\" && echo"
                + " \"wrote $f\"; done");
    assertThat(written.lines())
        .containsExactly(
            "wrote /home/dev/workspace/w",
            "wrote /tmp/w",
            "wrote /var/tmp/w",
            "wrote /home/dev/w",
            "wrote /home/dev/.cache/w",
            "wrote /home/dev/.config/w",
            "wrote /home/dev/.local/share/opencode/w",
            "wrote /home/dev/.bash_history");
    assertThat(Path.of(session.workspacePath()).resolve("w")).hasContent("x");

    List<String> mounts = asUser("cat /proc/mounts").lines().toList();
    long memory = backend().config().container().memoryLimit().toBytes();
    assertThat(options(mounts, "/home/dev"))
        .contains("rw", "nosuid", "nodev", "mode=700", "uid=1000", "gid=1000")
        .contains("size=" + memory / 4 / 1024 + "k")
        .doesNotContain("noexec");
    assertThat(options(mounts, "/tmp"))
        .contains("rw", "nosuid", "nodev", "size=" + memory / 4 / 1024 + "k")
        .doesNotContain("noexec");
    assertThat(options(mounts, "/var/tmp"))
        .contains("rw", "nosuid", "nodev", "noexec", "size=" + memory / 16 / 1024 + "k");
    assertThat(options(mounts, "/run"))
        .contains("rw", "nosuid", "nodev", "noexec", "size=" + memory / 64 / 1024 + "k");
    assertThat(options(mounts, "/")).contains("ro");

    // opencode runs what it keeps under /tmp and ~/.cache; /var/tmp runs nothing.
    assertThat(
            asUser(
                "for d in /tmp ~/.cache /var/tmp; do cp /usr/bin/true \"$d/t\" && \"$d/t\""
                    + " && echo \"ran in $d\"; done 2>&1; true"))
        .contains("ran in /tmp", "ran in /home/dev/.cache", "/var/tmp/t: Permission denied")
        .doesNotContain("ran in /var/tmp");
  }

  /**
   * opencode's file finder is a native library that opencode writes to /tmp and loads from there.
   * Without it (on a noexec /tmp) search still lists what it found first, but never a file made
   * after that: the finder's watcher is what sees new files.
   */
  @Test
  void openCodeFindsFilesMadeInTheWorkspaceWhileItRunsAndKeepsItsSessions() throws IOException {
    Path workspace = Path.of(session.workspacePath());
    Files.writeString(workspace.resolve("needle-before.txt"), "indexed at the first search");
    awaitFound("needle-before.txt");

    Files.writeString(workspace.resolve("needle-after.txt"), "seen by the watcher");
    awaitFound("needle-after.txt");

    String created =
        owner
            .http()
            .post()
            .uri(opencode("session"))
            .bodyValue(Map.of())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(created).contains("\"directory\":\"/home/dev/workspace\"");
  }

  @Test
  void theTerminalsShellStartsCleanlyKeepsHistoryAndCommitsWithGit() throws Exception {
    URI uri =
        URI.create(
            "ws://127.0.0.1:"
                + backend().server().port()
                + "/sessions/"
                + session.id()
                + "/terminal");
    try (TtydClient terminal =
        new TtydClient(uri, Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + token))) {
      terminal.init(120, 40);
      // Debian's ~/.bashrc, copied from /etc/skel at start, sets this prompt.
      terminal.awaitOutput("dev@\\S+:\\S*~/workspace\\S*\\$ ", 30);
      assertThat(terminal.text())
          .doesNotContain("bash:")
          .doesNotContain("Read-only")
          .doesNotContain("No such file")
          .doesNotContain("Permission denied");

      terminal.type(
          "git init -q && git config --global user.email dev@example.com"
              + " && git config --global user.name Dev && echo one > one.txt && git add one.txt"
              + " && git commit -q -m first && git --no-pager log --format=%s; echo \"git-exit=$?\"\r");
      terminal.awaitOutput("^first\\r?$", 30);
      terminal.awaitOutput("^git-exit=0\\r?$", 30);
      terminal.type("history -w && echo \"history=$(grep -c '^git init' ~/.bash_history)\"\r");
      terminal.awaitOutput("^history=1\\r?$", 30);
    }
    assertThat(Path.of(session.workspacePath()).resolve(".git/HEAD")).exists();
  }

  private void awaitFound(String file) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                assertThat(
                        owner
                            .http()
                            .get()
                            .uri(opencode("find/file?query=needle"))
                            .exchange()
                            .expectStatus()
                            .isOk()
                            .expectBody(String.class)
                            .returnResult()
                            .getResponseBody())
                    .contains(file));
  }

  private String opencode(String path) {
    return "/sessions/" + session.id() + "/opencode/" + path;
  }

  /** The options of the mount at {@code path} in lines of {@code /proc/mounts}. */
  private static List<String> options(List<String> mounts, String path) {
    return mounts.stream()
        .map(line -> line.split(" "))
        .filter(fields -> fields.length > 3 && fields[1].equals(path))
        .reduce((first, last) -> last)
        .map(fields -> Arrays.asList(fields[3].split(",")))
        .orElseThrow(() -> new AssertionError("no mount at " + path + " in " + mounts));
  }

  /** A script run as the session's user (uid 1000) in its container; it must succeed. */
  private String asUser(String script) throws IOException, InterruptedException {
    return engine("exec", "-u", "1000", session.containerId(), "bash", "-c", script);
  }

  /** Runs the engine's command line with {@code arguments}; it must succeed. */
  private String engine(String... arguments) throws IOException, InterruptedException {
    List<String> command =
        Stream.concat(Stream.of(engineBinary()), Arrays.stream(arguments)).toList();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as("%s: %s", command, output).isZero();
    return output;
  }
}
