package io.workspacebackend.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Another process holds SQLite's write lock longer than the busy timeout (a stuck script, a backup
 * tool): a write through the API answers 503 with Retry-After and a problem that says why, changes
 * nothing, and succeeds once the lock is gone. Reads go on meanwhile (WAL).
 */
@Timeout(120)
class DatabaseBusyTest {
  @RegisterExtension static final RunningBackend backend = new RunningBackend();

  @Test
  void aWriteWhileAnotherProcessHoldsTheLockIs503AndChangesNothing() throws Exception {
    Accounts accounts = new Accounts(backend);
    SignedIn admin = accounts.register(Role.ADMIN);
    WebTestClient api =
        accounts.as(admin.token()).mutate().responseTimeout(Duration.ofSeconds(60)).build();
    int before = inviteCount(accounts);

    try (Connection other =
            SqliteDataSources.unpooled(
                    SqliteDataSources.databaseFile(backend.config().paths().dataDir()))
                .getConnection();
        Statement statement = other.createStatement()) {
      other.setAutoCommit(false);
      // IMMEDIATE mode: the transaction takes the write lock with its first statement.
      statement.executeUpdate("DELETE FROM invite_codes WHERE 0");

      api.post()
          .uri("/api/invite-codes")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("role", "user"))
          .exchange()
          .expectStatus()
          .isEqualTo(503)
          .expectHeader()
          .exists(HttpHeaders.RETRY_AFTER)
          .expectHeader()
          .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody(String.class)
          .value(problem -> assertThat(problem).contains("the database is busy"));
      api.get().uri("/api/invite-codes").exchange().expectStatus().isOk();
      other.rollback();
    }

    assertThat(inviteCount(accounts)).isEqualTo(before);
    api.post()
        .uri("/api/invite-codes")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("role", "user"))
        .exchange()
        .expectStatus()
        .isCreated();
    assertThat(inviteCount(accounts)).isEqualTo(before + 1);
  }

  private static int inviteCount(Accounts accounts) {
    return accounts
        .database()
        .jdbc()
        .sql("SELECT count(*) FROM invite_codes")
        .query(Integer.class)
        .single();
  }
}
