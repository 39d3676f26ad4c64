package io.workspacebackend.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Opens the product's SQLite file with the settings every user of it (server and CLI) needs. */
public final class SqliteDataSources {
  /** The database file's name inside the data directory. */
  public static final String FILE_NAME = "workspace-backend.db";

  /**
   * How long a writer waits for another process's lock before giving up: the CLI and a running
   * server share the file, and their transactions are short.
   */
  static final int BUSY_TIMEOUT_MILLIS = 10_000;

  private SqliteDataSources() {}

  /** The database file inside the given data directory. */
  public static Path databaseFile(Path dataDir) {
    return dataDir.resolve(FILE_NAME);
  }

  /** A small pool for the server: WAL lets readers run beside the one writer. */
  public static HikariDataSource pooled(Path file, int maximumPoolSize) {
    HikariConfig hikari = new HikariConfig();
    hikari.setDataSource(unpooled(file));
    hikari.setPoolName("sqlite");
    hikari.setMaximumPoolSize(maximumPoolSize);
    hikari.setMinimumIdle(1);
    // sqlite-jdbc marks a connection as inside a transaction before its BEGIN runs; when the BEGIN
    // fails (another writer held the lock past the busy timeout) the mark stays, and the next
    // transaction on that connection would run without one. Such a connection is thrown away.
    hikari.setExceptionOverride(new EvictAfterBusy());
    return new HikariDataSource(hikari);
  }

  /** One connection per use, for short-lived CLI commands. */
  public static DataSource unpooled(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // NORMAL is durable across application crashes in WAL mode; only power loss can drop the
    // last transactions, which is the usual trade-off for a control-plane database.
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    // Our transactions read and then write. Begun DEFERRED, two of them can both read and then
    // one fails to upgrade at once (SQLITE_BUSY_SNAPSHOT, no waiting); begun IMMEDIATE, the
    // second waits its turn (busy timeout) and then sees the first one's writes.
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return dataSource;
  }

  /** See {@link #pooled}. */
  private static final class EvictAfterBusy implements SQLExceptionOverride {
    @java.lang.Override
    public Override adjudicate(SQLException error) {
      return DatabaseBusy.causedBy(error) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
  }
}
