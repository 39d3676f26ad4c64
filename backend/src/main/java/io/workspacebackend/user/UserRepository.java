package io.workspacebackend.user;

import io.workspacebackend.db.JdbcAccess;
import io.workspacebackend.db.StoredInstant;
import io.workspacebackend.model.user.QuotaOverrides;
import io.workspacebackend.model.user.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table. Blocking: call it through {@code Database}. */
@Repository
public class UserRepository {
  private static final String COLUMNS =
      "id, username, password_hash, role, disabled, created_at,"
          + " quota_max_sessions, quota_max_memory_bytes, quota_max_cpus";

  private final JdbcClient jdbc;

  public UserRepository(JdbcAccess access) {
    this.jdbc = access.jdbc();
  }

  public Optional<UserAccount> findById(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id")
        .param("id", id.toString())
        .query(UserRepository::map)
        .optional();
  }

  public Optional<UserAccount> findByUsername(String username) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE username = :username")
        .param("username", username)
        .query(UserRepository::map)
        .optional();
  }

  /** Oldest first, so the first admin heads the list. */
  public List<UserAccount> findAll() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users ORDER BY created_at, username")
        .query(UserRepository::map)
        .list();
  }

  /** Whether nobody has an account yet. */
  public boolean isEmpty() {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users)").query(Integer.class).single() == 0;
  }

  /**
   * Inserts {@code account} unless its username is taken, in one statement, so two concurrent
   * registrations of one name cannot both succeed.
   *
   * @return whether it was inserted
   */
  public boolean insertIfUsernameFree(UserAccount account) {
    return jdbc.sql(
                "INSERT INTO users ("
                    + COLUMNS
                    + ")"
                    + " VALUES (:id, :username, :hash, :role, :disabled, :createdAt,"
                    + " :maxSessions, :maxMemoryBytes, :maxCpus)"
                    + " ON CONFLICT (username) DO NOTHING")
            .param("id", account.id().toString())
            .param("username", account.username())
            .param("hash", account.passwordHash())
            .param("role", account.role().wireName())
            .param("disabled", account.disabled() ? 1 : 0)
            .param("createdAt", StoredInstant.format(account.createdAt()))
            .param("maxSessions", account.quota().maxSessions())
            .param("maxMemoryBytes", account.quota().maxMemoryBytes())
            .param("maxCpus", account.quota().maxCpus())
            .update()
        == 1;
  }

  /**
   * Sets role and/or disabled flag; {@code null} keeps the current value.
   *
   * @return whether the user exists
   */
  boolean change(UUID id, Role role, Boolean disabled) {
    return jdbc.sql(
                "UPDATE users SET role = COALESCE(:role, role),"
                    + " disabled = COALESCE(:disabled, disabled) WHERE id = :id")
            .param("role", role == null ? null : role.wireName())
            .param("disabled", disabled == null ? null : (disabled ? 1 : 0))
            .param("id", id.toString())
            .update()
        == 1;
  }

  /**
   * Replaces the user's quota values; {@code null} ones fall back to the server's defaults.
   *
   * @return whether the user exists
   */
  boolean setQuota(UUID id, QuotaOverrides quota) {
    return jdbc.sql(
                "UPDATE users SET quota_max_sessions = :maxSessions,"
                    + " quota_max_memory_bytes = :maxMemoryBytes, quota_max_cpus = :maxCpus"
                    + " WHERE id = :id")
            .param("maxSessions", quota.maxSessions())
            .param("maxMemoryBytes", quota.maxMemoryBytes())
            .param("maxCpus", quota.maxCpus())
            .param("id", id.toString())
            .update()
        == 1;
  }

  int countEnabledAdmins() {
    return jdbc.sql("SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0")
        .query(Integer.class)
        .single();
  }

  private static UserAccount map(ResultSet row, int rowNumber) throws SQLException {
    return new UserAccount(
        UUID.fromString(row.getString("id")),
        row.getString("username"),
        row.getString("password_hash"),
        Roles.fromColumn(row.getString("role")),
        row.getInt("disabled") != 0,
        StoredInstant.parse(row.getString("created_at")),
        new QuotaOverrides(
            nullable(row, row.getInt("quota_max_sessions")),
            nullable(row, row.getLong("quota_max_memory_bytes")),
            nullable(row, row.getDouble("quota_max_cpus"))));
  }

  /** {@code value} as just read, or null if the column was NULL. */
  private static <T> T nullable(ResultSet row, T value) throws SQLException {
    return row.wasNull() ? null : value;
  }
}
