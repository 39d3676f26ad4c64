package io.workspacebackend.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dialect's SQL runs on a real SQLite file. */
class SqliteDialectTest {
  @TempDir Path temp;
  private JdbcTemplate jdbc;

  @BeforeEach
  void numbers() {
    jdbc = new JdbcTemplate(SqliteDataSources.unpooled(temp.resolve("test.db")));
    jdbc.execute("CREATE TABLE numbers (n INTEGER PRIMARY KEY)");
    for (int n = 1; n <= 6; n++) {
      jdbc.update("INSERT INTO numbers (n) VALUES (?)", n);
    }
  }

  @Test
  void limitOffsetAndOffsetAloneSelectTheRightRows() {
    var limit = SqliteDialect.INSTANCE.limit();

    assertThat(select(limit.getLimit(2))).containsExactly(1, 2);
    assertThat(select(limit.getLimitOffset(2, 3))).containsExactly(4, 5);
    assertThat(select(limit.getOffset(4))).containsExactly(5, 6);
  }

  @Test
  void theProviderRecognisesSqlite() {
    assertThat(new SqliteDialectProvider().getDialect(jdbc)).contains(SqliteDialect.INSTANCE);
  }

  @Test
  void instantsAreStoredAsRfc3339TextToTheSecondAndReadBack() {
    Instant instant = Instant.parse("2026-11-24T20:50:14.123Z");
    String text = SqliteDialect.InstantToText.INSTANCE.convert(instant);

    assertThat(text).isEqualTo("2026-11-24T20:50:14Z");
    assertThat(SqliteDialect.TextToInstant.INSTANCE.convert(text))
        .isEqualTo(Instant.parse("2026-11-24T20:50:14Z"));
  }

  @Test
  void connectionsUseWalForeignKeysAndABusyTimeout() {
    assertThat(jdbc.queryForObject("PRAGMA journal_mode", String.class)).isEqualTo("wal");
    assertThat(jdbc.queryForObject("PRAGMA foreign_keys", Integer.class)).isEqualTo(1);
    assertThat(jdbc.queryForObject("PRAGMA busy_timeout", Integer.class))
        .isEqualTo(SqliteDataSources.BUSY_TIMEOUT_MILLIS);
  }

  private List<Integer> select(String clause) {
    return jdbc.queryForList("SELECT n FROM numbers ORDER BY n " + clause, Integer.class);
  }
}
