package io.workspacebackend.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.workspacebackend.model.invite.Invite;
import io.workspacebackend.model.invite.InviteRequest;
import io.workspacebackend.model.session.CreateSessionRequest;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionProgress;
import io.workspacebackend.model.session.SessionStats;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.session.StartupStep;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.model.user.User;
import io.workspacebackend.model.user.UserChange;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The typed client the console uses, against the real server. */
@Timeout(300)
class WorkspaceClientTest {
  @RegisterExtension
  static RunningBackend backend = new RunningBackend().with("sessions.startup_timeout", "180s");

  private final Accounts accounts = new Accounts(backend);

  @Test
  void registerMeLogoutAndTheRevokedTokenIsRefused() {
    WorkspaceClient client = client();
    String name = Accounts.uniqueName("client");

    User registered =
        client.register(accounts.inviteCode(Role.USER, 1), name, Accounts.PASSWORD).user();
    String registrationToken = client.token();
    assertThat(client.me()).isEqualTo(registered);
    assertThat(client.login(name, Accounts.PASSWORD).user().username()).isEqualTo(name);
    String loginToken = client.token();

    client.logout();

    assertThat(client.token()).isNull();
    client.useToken(loginToken);
    assertThatThrownBy(client::me)
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.isUnauthorized()).isTrue())
        .hasMessageNotContaining(loginToken);
    client.useToken(registrationToken);
    assertThat(client.me().username()).as("logout revokes only its own token").isEqualTo(name);
  }

  @Test
  void validationProblemsNameTheFieldsAndNeverTheToken() {
    ApiException problem =
        catchApi(() -> client().register(accounts.inviteCode(Role.USER, 1), "x", "short"));

    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.errors())
        .extracting(ApiException.FieldError::field)
        .contains("username", "password");
    assertThat(problem.userMessage()).contains("username").contains("password");
  }

  @Test
  void anAdminGeneratesListsAndRevokesInvitesAndDisablesAUser() {
    WorkspaceClient admin = client();
    admin.useToken(accounts.register(Role.ADMIN).token());

    List<Invite> created = admin.generateInvites(new InviteRequest(2, 3, "7d", "user", "client"));
    assertThat(created).hasSize(2).allSatisfy(invite -> assertThat(invite.maxUses()).isEqualTo(3));
    admin.revokeInvite(created.get(0).code());
    assertThat(admin.invites())
        .filteredOn(invite -> invite.code().equals(created.get(0).code()))
        .singleElement()
        .satisfies(invite -> assertThat(invite.revoked()).isTrue());

    WorkspaceClient colleague = client();
    User user =
        colleague
            .register(created.get(1).code(), Accounts.uniqueName("col"), Accounts.PASSWORD)
            .user();
    assertThat(admin.users()).extracting(User::id).contains(user.id());
    User disabled = admin.changeUser(user.id(), new UserChange(null, true));
    assertThat(disabled.disabled()).isTrue();
    assertThat(disabled.role()).isEqualTo(Role.USER);
    assertThat(catchApi(colleague::me).status()).isEqualTo(401);

    WorkspaceClient plain = client();
    plain.useToken(accounts.register(Role.USER).token());
    assertThat(catchApi(plain::invites).status()).isEqualTo(403);
  }

  @Test
  void aSessionIsFollowedFromPendingToRunningAndFinallyStopped() {
    WorkspaceClient client = client();
    client.useToken(accounts.register(Role.USER).token());
    List<Session> seen = new CopyOnWriteArrayList<>();
    List<Throwable> ended = new CopyOnWriteArrayList<>();

    List<UUID> deleted = new CopyOnWriteArrayList<>();
    List<SessionProgress> progress = new CopyOnWriteArrayList<>();
    SessionEventListener listener =
        new SessionEventListener() {
          @Override
          public void session(Session session) {
            seen.add(session);
          }

          @Override
          public void progress(SessionProgress step) {
            progress.add(step);
          }

          @Override
          public void deleted(UUID sessionId) {
            deleted.add(sessionId);
          }
        };
    try (Subscription events = client.followEvents(listener, ended::add)) {
      Session created =
          client.createSession(new CreateSessionRequest("typed", null, null, Map.of()));
      assertThat(created.status()).isIn(SessionStatus.PENDING, SessionStatus.STARTING);

      await()
          .atMost(Duration.ofMinutes(3))
          .until(() -> seen.stream().anyMatch(s -> isNow(s, created, SessionStatus.RUNNING)));
      assertThat(progress)
          .filteredOn(step -> step.sessionId().equals(created.id()))
          .extracting(SessionProgress::step)
          .containsExactlyInAnyOrder(StartupStep.values());
      SessionStats stats = client.stats(created.id());
      assertThat(stats.memoryBytes()).isPositive();
      assertThat(stats.memoryLimitBytes()).isGreaterThanOrEqualTo(stats.memoryBytes());
      assertThat(client.logs(created.id(), 100)).isNotBlank();
      assertThat(client.sessions()).extracting(Session::id).containsExactly(created.id());

      client.deleteSession(created.id());

      await().atMost(Duration.ofSeconds(30)).until(() -> deleted.contains(created.id()));
      assertThat(client.sessions()).isEmpty();
      assertThat(catchApi(() -> client.session(created.id())).status()).isEqualTo(404);
    }
    assertThat(ended).as("the stream ran until it was closed").isEmpty();
  }

  @Test
  void followingLogsDeliversLinesUntilClosed() {
    WorkspaceClient client = client();
    client.useToken(accounts.register(Role.USER).token());
    Session session = client.createSession(new CreateSessionRequest("logs", null, null, Map.of()));
    List<String> lines = new CopyOnWriteArrayList<>();
    try {
      await()
          .atMost(Duration.ofMinutes(3))
          .until(() -> client.session(session.id()).status() == SessionStatus.RUNNING);
      try (Subscription follow = client.followLogs(session.id(), 100, lines::add, e -> {})) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !lines.isEmpty());
      }
    } finally {
      client.deleteSession(session.id());
    }
  }

  @Test
  void aServerThatIsNotThereIsReportedUnreachable() {
    WorkspaceClient nowhere = WorkspaceClient.forServer(URI.create("http://127.0.0.1:1/"));

    assertThatThrownBy(nowhere::health)
        .isInstanceOf(ServerUnreachableException.class)
        .hasMessage(
            "the server at http://127.0.0.1:1 cannot be reached (connection refused; is it running?)");
  }

  @Test
  void theHealthAndTheTerminalAddressComeFromTheBaseUrl() {
    WorkspaceClient client = client();

    assertThat(client.health().status()).isEqualTo("ok");
    assertThat(client.health().runtime().status()).isEqualTo("up");
    assertThat(
            client.terminalUri(java.util.UUID.fromString("00000000-0000-0000-0000-000000000001")))
        .hasScheme("ws")
        .hasPath("/sessions/00000000-0000-0000-0000-000000000001/terminal");
  }

  private static boolean isNow(Session announced, Session session, SessionStatus status) {
    return announced.id().equals(session.id()) && announced.status() == status;
  }

  private static WorkspaceClient client() {
    return WorkspaceClient.forServer(backend.server().baseUri());
  }

  private static ApiException catchApi(Runnable call) {
    try {
      call.run();
    } catch (ApiException e) {
      return e;
    }
    throw new AssertionError("expected the server to refuse");
  }
}
