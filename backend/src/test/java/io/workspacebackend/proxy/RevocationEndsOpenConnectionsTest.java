package io.workspacebackend.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.FollowedStream;
import io.workspacebackend.testing.RunningBackend;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The attacks of "signing out or disabling does not end what is already open", replayed against a
 * real backend and real session containers: logout, disabling, demotion and deleting a session
 * close the terminals and end the streams they concern within a second, with a reason, and nothing
 * else. Each close is waited for with a generous deadline (a loaded two-core machine), and its
 * latency is measured and printed.
 */
@Timeout(300)
class RevocationEndsOpenConnectionsTest {
  @RegisterExtension
  static final RunningBackend backend =
      new RunningBackend().with("sessions.startup_timeout", "180s");

  /** Generous for a loaded machine; the measured latencies are what the requirement is about. */
  private static final long CLOSE_DEADLINE_SECONDS = 5;

  private static final Duration STREAM_DEADLINE = Duration.ofSeconds(CLOSE_DEADLINE_SECONDS);
  private static final Map<String, Long> LATENCIES_MS = new ConcurrentHashMap<>();

  private static Accounts accounts;
  private static SignedIn admin;
  private static SignedIn owner;

  /**
   * The owner's session that every test uses and none ends. Tests that need a second session start
   * it themselves, so that no more than two run at once: each takes one of the engine's few network
   * address pools.
   */
  private static LiveSession shared;

  @BeforeAll
  static void startSharedSession() throws Exception {
    accounts = new Accounts(backend);
    admin = accounts.register(Role.ADMIN);
    owner = accounts.register(Role.USER);
    shared = started(owner);
  }

  @AfterAll
  static void deleteSharedSessionAndReportLatencies() {
    deleteAsAdmin(shared);
    System.out.println("close latencies (ms, from the revoking request): " + LATENCIES_MS);
  }

  @Test
  void loggingOutEndsWhatThatTokenOpenedAndNothingElse() throws Exception {
    String username = owner.user().username();
    SignedIn first = accounts.login(username, Accounts.PASSWORD);
    SignedIn second = accounts.login(username, Accounts.PASSWORD);
    String before = "before-logout-" + UUID.randomUUID();
    String after = "after-logout-" + UUID.randomUUID();
    try (TtydClient terminal = terminal(shared, first.token());
        TtydClient sameUserOtherToken = terminal(shared, second.token());
        TtydClient otherUser = terminal(shared, admin.token());
        FollowedStream events = FollowedStream.open(api("/api/events"), first.token());
        FollowedStream otherTokensEvents = FollowedStream.open(api("/api/events"), second.token());
        FollowedStream opencode = opencodeEvents(shared, first.token());
        FollowedStream logs =
            FollowedStream.open(
                api("/api/sessions/" + shared.id() + "/logs?follow=true&tail=5"), first.token())) {
      touchAndSee(terminal, before, workspace(shared));
      sameUserOtherToken.init(80, 24);
      otherUser.init(80, 24);
      awaitLive(events, otherTokensEvents, opencode);
      logs.awaitLine(".", Duration.ofSeconds(20));

      long start = System.nanoTime();
      accounts
          .as(first.token())
          .post()
          .uri("/api/auth/logout")
          .exchange()
          .expectStatus()
          .isNoContent();
      terminal.typeUnlessClosed("touch " + after + "\r");

      assertThat(terminal.awaitClosed(CLOSE_DEADLINE_SECONDS)).isEqualTo("4401 signed out");
      record("logout: terminal", start, terminal.closedAtNanos());
      record("logout: /api/events", start, events.awaitEnd(STREAM_DEADLINE));
      assertRevoked(events, 401);
      record("logout: opencode /event", start, opencode.awaitEnd(STREAM_DEADLINE));
      assertRevoked(opencode, 401);
      record("logout: logs follow", start, logs.awaitEnd(STREAM_DEADLINE));
      assertNeverCreated(workspace(shared).resolve(after));

      echoes(sameUserOtherToken, "other-token-still-works");
      echoes(otherUser, "other-user-still-works");
      assertThat(otherTokensEvents.hasEnded()).as("the other token's events").isFalse();
    }
  }

  @Test
  void disablingAUserEndsAllTheirConnectionsAndNoOneElses() throws Exception {
    SignedIn dave = accounts.register(Role.USER);
    SignedIn again = accounts.login(dave.user().username(), Accounts.PASSWORD);
    String after = "after-disable-" + UUID.randomUUID();
    LiveSession daves = started(dave);
    try (TtydClient terminal = terminal(daves, dave.token());
        TtydClient secondTerminal = terminal(daves, again.token());
        TtydClient adminsTerminal = terminal(daves, admin.token());
        FollowedStream events = FollowedStream.open(api("/api/events"), dave.token());
        FollowedStream adminsEvents = FollowedStream.open(api("/api/events"), admin.token())) {
      touchAndSee(terminal, "before-disable-" + UUID.randomUUID(), workspace(daves));
      secondTerminal.init(80, 24);
      adminsTerminal.init(80, 24);
      awaitLive(events, adminsEvents);

      long start = System.nanoTime();
      changeUser(dave, Map.of("disabled", true));
      terminal.typeUnlessClosed("touch " + after + "\r");

      assertThat(terminal.awaitClosed(CLOSE_DEADLINE_SECONDS)).isEqualTo("4401 account disabled");
      record("disable: terminal", start, terminal.closedAtNanos());
      assertThat(secondTerminal.awaitClosed(CLOSE_DEADLINE_SECONDS))
          .isEqualTo("4401 account disabled");
      record("disable: /api/events", start, events.awaitEnd(STREAM_DEADLINE));
      assertRevoked(events, 401);
      assertNeverCreated(workspace(daves).resolve(after));

      echoes(adminsTerminal, "admin-still-works");
      assertThat(adminsEvents.hasEnded()).as("the admin's events").isFalse();
    } finally {
      deleteAsAdmin(daves);
    }
  }

  @Test
  void demotingAnAdminEndsWhatOnlyTheAdminRoleLetIn() throws Exception {
    SignedIn mia = accounts.register(Role.ADMIN);
    try (FollowedStream everyonesEvents = FollowedStream.open(api("/api/events"), mia.token());
        TtydClient othersTerminal = terminal(shared, mia.token());
        FollowedStream adminsEvents = FollowedStream.open(api("/api/events"), admin.token())) {
      othersTerminal.init(80, 24);
      echoes(othersTerminal, "mia-as-admin");
      awaitLive(everyonesEvents, adminsEvents);

      long start = System.nanoTime();
      changeUser(mia, Map.of("role", "user"));

      record("demote: /api/events", start, everyonesEvents.awaitEnd(STREAM_DEADLINE));
      assertRevoked(everyonesEvents, 403);
      assertThat(othersTerminal.awaitClosed(CLOSE_DEADLINE_SECONDS))
          .isEqualTo("4403 admin role removed");
      record("demote: another user's terminal", start, othersTerminal.closedAtNanos());
      assertThat(adminsEvents.hasEnded()).as("the other admin's events").isFalse();
      // Signed in still: a new stream opens, now showing only mia's own sessions.
      try (FollowedStream own = FollowedStream.open(api("/api/events"), mia.token())) {
        assertThat(own.status(STREAM_DEADLINE)).isEqualTo(200);
      }
    }
  }

  @Test
  void deletingASessionEndsEveryonesConnectionsIntoItAndNoOthers() throws Exception {
    LiveSession doomed = started(owner);
    try (TtydClient ownersTerminal = terminal(doomed, owner.token());
        TtydClient adminsTerminal = terminal(doomed, admin.token());
        FollowedStream opencode = opencodeEvents(doomed, owner.token());
        TtydClient elsewhere = terminal(shared, owner.token())) {
      ownersTerminal.init(80, 24);
      adminsTerminal.init(80, 24);
      echoes(adminsTerminal, "admin-in-doomed");
      awaitLive(opencode);
      elsewhere.init(80, 24);

      long start = System.nanoTime();
      // Deleting waits for the container to stop; the connections must not.
      CompletableFuture<Void> deleted =
          CompletableFuture.runAsync(
              () ->
                  accounts
                      .as(owner.token())
                      .mutate()
                      .responseTimeout(Duration.ofSeconds(90))
                      .build()
                      .delete()
                      .uri("/api/sessions/" + doomed.id())
                      .exchange()
                      .expectStatus()
                      .isNoContent());

      assertThat(ownersTerminal.awaitClosed(CLOSE_DEADLINE_SECONDS))
          .isEqualTo("4404 session deleted");
      record("delete: owner's terminal", start, ownersTerminal.closedAtNanos());
      assertThat(adminsTerminal.awaitClosed(CLOSE_DEADLINE_SECONDS))
          .isEqualTo("4404 session deleted");
      record("delete: admin's terminal", start, adminsTerminal.closedAtNanos());
      record("delete: opencode /event", start, opencode.awaitEnd(STREAM_DEADLINE));
      assertRevoked(opencode, 404);
      deleted.get(90, TimeUnit.SECONDS);
      echoes(elsewhere, "other-session-still-works");
    } finally {
      deleteAsAdmin(doomed);
    }
  }

  private static LiveSession started(SignedIn user) throws InterruptedException {
    LiveSession live = LiveSession.create(accounts, user.token());
    try {
      live.awaitRunning();
      return live;
    } catch (AssertionError | RuntimeException e) {
      deleteAsAdmin(live);
      throw e;
    }
  }

  /** Deletes the session, whoever owns it, if it still exists. */
  private static void deleteAsAdmin(LiveSession live) {
    if (live != null) {
      accounts
          .as(admin.token())
          .mutate()
          .responseTimeout(Duration.ofSeconds(90))
          .build()
          .delete()
          .uri("/api/sessions/" + live.id())
          .exchange()
          .expectStatus()
          .value(status -> assertThat(status).isIn(204, 404));
    }
  }

  private static void touchAndSee(TtydClient terminal, String name, Path workspace)
      throws InterruptedException {
    terminal.init(80, 24);
    terminal.type("touch " + name + " && echo made-" + name + "\r");
    terminal.awaitOutput("^made-" + name + "\\r?$", 30);
    assertThat(workspace.resolve(name)).as("the terminal works before").exists();
  }

  private static void echoes(TtydClient terminal, String marker) throws InterruptedException {
    terminal.type("echo " + marker + "\r");
    terminal.awaitOutput("^" + marker + "\\r?$", 30);
  }

  /** Each stream answered and sent its first event or comment, so it is registered. */
  private static void awaitLive(FollowedStream... streams) throws Exception {
    for (FollowedStream stream : streams) {
      assertThat(stream.status(Duration.ofSeconds(30))).isEqualTo(200);
      stream.awaitLine("^:|server\\.connected", Duration.ofSeconds(30));
    }
  }

  /** The stream's last event is {@code revoked}, with a problem of {@code status} as its data. */
  private static void assertRevoked(FollowedStream stream, int status) {
    List<String> lines = stream.lines();
    int event = lines.lastIndexOf("event:revoked");
    assertThat(event).as("an event: revoked in %s", stream).isNotNegative();
    assertThat(lines.get(event + 1))
        .as("its data")
        .matches("data:\\{.*\\}")
        .contains("\"status\":" + status);
    assertThat(lines.subList(event + 2, lines.size())).as("after it").allMatch(String::isEmpty);
  }

  /**
   * Nothing typed after the revocation may run. The negative can only be watched for a while: two
   * seconds, far longer than a typed command takes to run when it does get through.
   */
  private static void assertNeverCreated(Path file) {
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> !Files.exists(file));
  }

  private static void changeUser(SignedIn user, Map<String, Object> change) {
    accounts
        .as(admin.token())
        .patch()
        .uri("/api/users/" + user.user().id())
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(change)
        .exchange()
        .expectStatus()
        .isOk();
  }

  private static void record(String what, long startNanos, long endNanos) {
    long millis = TimeUnit.NANOSECONDS.toMillis(endNanos - startNanos);
    LATENCIES_MS.put(what, millis);
    assertThat(millis).as("%s: ms until closed", what).isLessThan(CLOSE_DEADLINE_SECONDS * 1000);
  }

  private static Path workspace(LiveSession live) {
    return Path.of(live.session.workspacePath());
  }

  private static FollowedStream opencodeEvents(LiveSession live, String token) {
    return FollowedStream.open(api("/sessions/" + live.id() + "/opencode/event"), token);
  }

  private static TtydClient terminal(LiveSession live, String token) {
    return new TtydClient(
        URI.create(
            "ws://127.0.0.1:" + backend.server().port() + "/sessions/" + live.id() + "/terminal"),
        Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + token));
  }

  private static URI api(String path) {
    return URI.create("http://127.0.0.1:" + backend.server().port() + path);
  }
}
