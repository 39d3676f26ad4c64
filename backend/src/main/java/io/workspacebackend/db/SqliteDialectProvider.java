package io.workspacebackend.db;

import java.sql.DatabaseMetaData;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.jdbc.core.dialect.DialectResolver;
import org.springframework.data.relational.core.dialect.Dialect;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;

/** Lets Spring Data JDBC pick {@link SqliteDialect} for a SQLite connection (spring.factories). */
public final class SqliteDialectProvider implements DialectResolver.JdbcDialectProvider {
  @Override
  public Optional<Dialect> getDialect(JdbcOperations operations) {
    String product =
        operations.execute(
            (ConnectionCallback<String>)
                connection -> {
                  DatabaseMetaData metaData = connection.getMetaData();
                  return metaData.getDatabaseProductName();
                });
    return product != null && product.toLowerCase(Locale.ROOT).contains("sqlite")
        ? Optional.of(SqliteDialect.INSTANCE)
        : Optional.empty();
  }
}
