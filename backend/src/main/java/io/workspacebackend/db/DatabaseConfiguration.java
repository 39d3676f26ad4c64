package io.workspacebackend.db;

import com.zaxxer.hikari.HikariDataSource;
import io.workspacebackend.config.WorkspaceConfig;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The server's SQLite data source; Flyway migrates it on start (classpath:db/migration). */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {
  private static final int POOL_SIZE = 4;

  @Bean
  DatabaseSettings databaseSettings(WorkspaceConfig config) {
    return new DatabaseSettings(
        SqliteDataSources.databaseFile(config.paths().dataDir()), POOL_SIZE);
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(DatabaseSettings settings) {
    return SqliteDataSources.pooled(settings.file(), settings.poolSize());
  }

  @Bean
  JdbcAccess jdbcAccess(DataSource dataSource, PlatformTransactionManager transactionManager) {
    return JdbcAccess.of(dataSource, transactionManager);
  }
}
