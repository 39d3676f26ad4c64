package io.workspacebackend.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.testing.RunningBackend;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * SQLite calls block on the database file's lock; on a Netty thread they would stall every request.
 * BlockHound makes such a call fail; these tests prove the guard works and the server passes it.
 */
class BlockingCallsTest {
  @RegisterExtension static RunningBackend backend = new RunningBackend();

  @BeforeAll
  static void installBlockHound() {
    BlockHound.install(SqliteBlockHound.integration());
  }

  @Test
  void jdbcOnANonBlockingThreadIsCaught() {
    JdbcTemplate jdbc =
        new JdbcTemplate(
            SqliteDataSources.unpooled(
                backend.config().paths().dataDir().resolve(SqliteDataSources.FILE_NAME)));

    Mono<Integer> onEventLoop =
        Mono.fromCallable(() -> jdbc.queryForObject("SELECT 1", Integer.class))
            .subscribeOn(Schedulers.parallel());

    StepVerifier.create(onEventLoop)
        .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(BlockingOperationError.class))
        .verify(Duration.ofSeconds(10));
  }

  @Test
  void theDatabaseSchedulerMayBlock() {
    JdbcTemplate jdbc =
        new JdbcTemplate(
            SqliteDataSources.unpooled(
                backend.config().paths().dataDir().resolve(SqliteDataSources.FILE_NAME)));
    Database database = new Database(new DatabaseSettings(backend.config().paths().dataDir(), 1));
    try {
      StepVerifier.create(database.call(() -> jdbc.queryForObject("SELECT 1", Integer.class)))
          .expectNext(1)
          .verifyComplete();
    } finally {
      database.destroy();
    }
  }

  @Test
  void serverRequestsTouchingTheDatabaseDoNotBlockTheEventLoop() {
    backend
        .client()
        .get()
        .uri("/api/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.database.status")
        .isEqualTo("up");
  }
}
