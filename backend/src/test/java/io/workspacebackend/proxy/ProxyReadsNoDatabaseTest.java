package io.workspacebackend.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import io.workspacebackend.testing.SqlStatements;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A proxied request in steady state reads no database: the token's revocation, its user and the
 * session come from memory that the code writing them keeps current. Counted at the JDBC boundary
 * over a hundred requests into a real session. What memory holds still changes with the very next
 * request: a logout, a disabled account and a deleted session each take effect at once.
 */
@Timeout(300)
class ProxyReadsNoDatabaseTest {
  private static final SqlStatements statements = new SqlStatements();

  @RegisterExtension
  static final RunningBackend backend =
      new RunningBackend().hookedBy(statements).with("sessions.startup_timeout", "180s");

  private static Accounts accounts;
  private static SignedIn admin;

  @BeforeAll
  static void signUp() {
    accounts = new Accounts(backend);
    admin = accounts.register(Role.ADMIN);
  }

  @Test
  void aHundredProxiedRequestsRunNoStatement() throws Exception {
    SignedIn owner = accounts.register(Role.USER);
    WebTestClient api = accounts.as(owner.token());
    try (LiveSession session = LiveSession.create(accounts, owner.token())) {
      session.awaitRunning();
      String file = "/sessions/" + session.id() + "/files/file?path=notes.txt";
      api.put().uri(file).bodyValue("hello").exchange().expectStatus().is2xxSuccessful();

      int mark = statements.mark();
      for (int i = 0; i < 100; i++) {
        api.get()
            .uri(file)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .isEqualTo("hello");
      }
      for (int i = 0; i < 20; i++) {
        api.get()
            .uri("/sessions/" + session.id() + "/opencode/global/health")
            .exchange()
            .expectStatus()
            .isOk();
        api.get().uri("/sessions/" + session.id() + "/terminal/").exchange().expectStatus().isOk();
      }

      assertThat(statements.since(mark)).as("SQL run by 140 proxied requests").isEmpty();
    }
  }

  @Test
  void loggingOutDisablingAndDeletingTakeEffectOnTheNextRequest() throws Exception {
    SignedIn owner = accounts.register(Role.USER);
    SignedIn secondSignIn = accounts.login(owner.user().username(), Accounts.PASSWORD);
    LiveSession session = LiveSession.create(accounts, secondSignIn.token());
    try {
      session.awaitRunning();
      String tree = tree(session);
      accounts.as(owner.token()).get().uri(tree).exchange().expectStatus().isOk();

      accounts
          .as(owner.token())
          .post()
          .uri("/api/auth/logout")
          .exchange()
          .expectStatus()
          .isNoContent();
      accounts.as(owner.token()).get().uri(tree).exchange().expectStatus().isUnauthorized();
      accounts.as(secondSignIn.token()).get().uri(tree).exchange().expectStatus().isOk();

      changeUser(owner, Map.of("disabled", true));
      accounts.as(secondSignIn.token()).get().uri(tree).exchange().expectStatus().isUnauthorized();
      changeUser(owner, Map.of("disabled", false));
      accounts.as(secondSignIn.token()).get().uri(tree).exchange().expectStatus().isOk();
    } finally {
      session.close();
    }
    accounts
        .as(secondSignIn.token())
        .get()
        .uri(tree(session))
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  private static String tree(LiveSession session) {
    return "/sessions/" + session.id() + "/files/tree?path=.&depth=0";
  }

  private static void changeUser(SignedIn user, Map<String, Object> change) {
    accounts
        .as(admin.token())
        .patch()
        .uri("/api/users/" + user.user().id())
        .bodyValue(change)
        .exchange()
        .expectStatus()
        .isOk();
  }
}
