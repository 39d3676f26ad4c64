package io.workspacebackend.db;

import io.workspacebackend.health.ComponentHealth;
import io.workspacebackend.health.HealthCheck;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reports whether the SQLite file answers, and which schema version it is at. */
@Component
class DatabaseHealthCheck implements HealthCheck {
  private final Database database;
  private final JdbcTemplate jdbc;
  private final DatabaseSettings settings;

  DatabaseHealthCheck(Database database, JdbcTemplate jdbc, DatabaseSettings settings) {
    this.database = database;
    this.jdbc = jdbc;
    this.settings = settings;
  }

  @Override
  public String name() {
    return "database";
  }

  @Override
  public Mono<ComponentHealth> check() {
    return database
        .call(
            () ->
                jdbc.queryForObject(
                    "SELECT version FROM flyway_schema_history WHERE success = 1"
                        + " ORDER BY installed_rank DESC LIMIT 1",
                    String.class))
        .map(
            version ->
                ComponentHealth.up(
                    Map.of("file", settings.file().toString(), "schema_version", version)))
        .onErrorResume(e -> Mono.just(ComponentHealth.down(e.getMessage())));
  }
}
