package io.workspacebackend.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.session.CreateSessionRequest;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import io.workspacebackend.testing.SessionClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Replays the workspace mount race on a real engine: a user's running container turns a directory
 * of its workspace into a symlink to the host's {@code /} or to another user's workspace while a
 * second session on that directory is being requested and created. Every outcome must be a refusal,
 * a failed start, or a container whose workspace mount is the very directory it asked for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WorkspaceMountRaceContract {
  private static final int ROUNDS = 8;
  private static final Duration START = Duration.ofMinutes(3);

  private SessionClient alice;
  private Session attacker;
  private Path aliceDirectory;
  private Path bobWorkspace;

  abstract RunningBackend backend();

  /** The engine's command line, which the attacker's "terminal" is typed into. */
  abstract String engineBinary();

  @BeforeAll
  void aliceRunsASessionAndBobHasFiles() throws Exception {
    Accounts accounts = new Accounts(backend());
    String aliceName = Accounts.uniqueName("alice");
    alice =
        new SessionClient(
            accounts.as(
                accounts
                    .register(accounts.inviteCode(Role.USER, 1), aliceName, Accounts.PASSWORD)
                    .token()));
    String bobName = Accounts.uniqueName("bob");
    accounts.register(accounts.inviteCode(Role.USER, 1), bobName, Accounts.PASSWORD);
    Path root = backend().config().paths().workspaceRoot();
    aliceDirectory = root.resolve(aliceName).toAbsolutePath();
    bobWorkspace = Files.createDirectories(root.resolve(bobName).resolve("b1")).toRealPath();
    Files.writeString(bobWorkspace.resolve("bob-secret.txt"), "bob's", StandardCharsets.UTF_8);

    attacker = alice.create(new CreateSessionRequest("attacker", null, "a1", Map.of()));
    attacker = alice.await(attacker.id(), SessionStatus.RUNNING, START);
  }

  @AfterAll
  void theAttackerLeaves() {
    alice.delete(attacker.id());
  }

  @Test
  void aSessionRunsOnAMountOfItsOwnWorkspaceDirectory() throws Exception {
    String inside = inContainer(attacker.containerId(), "stat -c %i /home/dev/workspace");

    assertThat(inside.strip()).isEqualTo(inode(aliceDirectory.resolve("a1")));
    assertThat(attacker.workspacePath()).isEqualTo(aliceDirectory.resolve("a1").toString());
  }

  /** The report's reproduction, many times: the swap races the request and the create. */
  @Test
  void aDirectoryOfARunningWorkspaceSwappedForALinkIsNeverMounted() throws Exception {
    List<String> outcomes = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      String name = "tgt" + round;
      String target = round % 2 == 0 ? "/" : bobWorkspace.toString();
      attackerTypes("mkdir -p ~/workspace/" + name);
      CompletableFuture<Void> swap =
          CompletableFuture.runAsync(
              () ->
                  attackerTypes(
                      "rmdir ~/workspace/"
                          + name
                          + " && ln -s "
                          + target
                          + " ~/workspace/"
                          + name));
      EntityExchangeResult<byte[]> answer = request("a1/" + name);
      swap.get(1, TimeUnit.MINUTES);
      outcomes.add(settle(answer, aliceDirectory.resolve("a1").resolve(name)));
    }
    // Nested in a running workspace: refused before anything is made.
    assertThat(outcomes).hasSize(ROUNDS).containsOnly("refused");
  }

  /**
   * The same race from the host's side, past the request's check: the directory asked for is moved
   * away and replaced by a link to bob's workspace right after the request was accepted, so the
   * swap lands somewhere between the request, the directory's preparation, the create and the
   * start. Whatever the timing, bob's files never appear in the container.
   */
  @Test
  void aWorkspaceReplacedByALinkAfterTheRequestIsNeverMountedThroughIt() throws Exception {
    List<String> outcomes = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      Path requested = aliceDirectory.resolve("late" + round);
      Files.createDirectories(requested);
      Path original = aliceDirectory.resolve("late" + round + "-original");
      EntityExchangeResult<byte[]> answer = request("late" + round);
      Files.move(requested, original);
      Files.createSymbolicLink(requested, bobWorkspace);
      outcomes.add(settle(answer, original));
    }
    assertThat(outcomes).hasSize(ROUNDS).doesNotContainNull();
  }

  @Test
  void aWorkspaceAroundARunningOneIsRefused() {
    EntityExchangeResult<byte[]> answer = request(".");
    assertThat(answer.getStatus().value()).isEqualTo(400);
    attackerTypes("mkdir -p ~/workspace/inner");
    Session inner = alice.create(new CreateSessionRequest("inner", null, "b2/inner", Map.of()));
    try {
      EntityExchangeResult<byte[]> around = request("b2");
      assertThat(around.getStatus().value()).isEqualTo(400);
      assertThat(new String(around.getResponseBodyContent(), StandardCharsets.UTF_8))
          .contains("contains the workspace of another session");
    } finally {
      alice.delete(inner.id());
    }
  }

  private EntityExchangeResult<byte[]> request(String workspace) {
    return alice
        .http()
        .post()
        .uri("/api/sessions")
        .bodyValue(new CreateSessionRequest(null, null, workspace, Map.of()))
        .exchange()
        .expectBody()
        .returnResult();
  }

  /**
   * Follows one create to its end and records it: refused (400), failed to start, or running, in
   * which case its workspace mount must be {@code expected} itself.
   */
  private String settle(EntityExchangeResult<byte[]> answer, Path expected) throws Exception {
    String body = new String(answer.getResponseBodyContent(), StandardCharsets.UTF_8);
    if (answer.getStatus().value() == 400) {
      assertThat(body).contains("\"field\":\"workspace\"");
      return "refused";
    }
    assertThat(answer.getStatus().value()).as(body).isEqualTo(201);
    String id = body.replaceFirst("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");
    Session session = awaitSettled(java.util.UUID.fromString(id));
    try {
      if (session.status() == SessionStatus.FAILED) {
        assertThat(session.errorMessage()).contains("workspace");
        return "failed";
      }
      String inside =
          inContainer(
              session.containerId(), "stat -c %i /home/dev/workspace; ls -A /home/dev/workspace");
      assertThat(inside).doesNotContain("bob-secret.txt").doesNotContain("proc");
      assertThat(inside.lines().findFirst().orElseThrow().strip())
          .as("the mounted directory's inode")
          .isEqualTo(inode(expected));
      return "running on its own directory";
    } finally {
      alice.delete(session.id());
    }
  }

  private Session awaitSettled(java.util.UUID id) {
    Session[] latest = new Session[1];
    org.awaitility.Awaitility.await()
        .atMost(START)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              latest[0] = alice.get(id);
              return latest[0].status() == SessionStatus.RUNNING
                  || latest[0].status() == SessionStatus.FAILED;
            });
    return latest[0];
  }

  private static String inode(Path directory) throws IOException {
    return Files.getAttribute(directory, "unix:ino", LinkOption.NOFOLLOW_LINKS).toString();
  }

  /** A command typed into the attacker's terminal: the container's own user, in its shell. */
  private void attackerTypes(String command) {
    try {
      inContainer(attacker.containerId(), command);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private String inContainer(String containerId, String command)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(engineBinary(), "exec", "-u", "1000", containerId, "bash", "-c", command)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
