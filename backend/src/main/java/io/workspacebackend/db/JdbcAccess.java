package io.workspacebackend.db;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a repository needs to reach the database: statements and transactions over one data source.
 * The server builds it on its pool; the CLI opens the file directly with {@link #direct(Path)}, so
 * both run the same repository code.
 */
public record JdbcAccess(JdbcClient jdbc, TransactionTemplate transactions) {
  public static JdbcAccess of(
      DataSource dataSource, PlatformTransactionManager transactionManager) {
    return new JdbcAccess(
        JdbcClient.create(dataSource), new TransactionTemplate(transactionManager));
  }

  /**
   * Opens the database in {@code dataDir} without a pool and migrates it first, so that the CLI
   * works before the server ever started. Safe beside a running server (WAL, busy timeout).
   */
  public static JdbcAccess direct(Path dataDir) {
    DataSource dataSource = SqliteDataSources.unpooled(SqliteDataSources.databaseFile(dataDir));
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    return of(dataSource, new JdbcTransactionManager(dataSource));
  }
}
