package io.workspacebackend.auth;

import io.workspacebackend.db.JdbcAccess;
import io.workspacebackend.db.StoredInstant;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Token ids revoked by logout, kept until the token would have expired anyway. Stored in the
 * database and held in memory, so the check every request makes reads no database: this class is
 * the only writer of the table, and it updates memory first. Writes are blocking.
 */
// A plain component: a repository would be proxied, on the path of every request.
@Component
@DependsOnDatabaseInitialization
class RevokedTokens {
  private final JdbcClient jdbc;
  private final Map<String, Instant> revoked = new ConcurrentHashMap<>();

  RevokedTokens(JdbcAccess access) {
    this.jdbc = access.jdbc();
    jdbc.sql("SELECT jti, expires_at FROM revoked_tokens")
        .query(
            (row, number) ->
                revoked.put(row.getString("jti"), StoredInstant.parse(row.getString("expires_at"))))
        .list();
  }

  void revoke(String tokenId, Instant expiresAt) {
    // Memory first: the token is refused from now on, even should storing it fail.
    revoked.put(tokenId, expiresAt);
    jdbc.sql(
            "INSERT INTO revoked_tokens (jti, expires_at) VALUES (:jti, :expiresAt)"
                + " ON CONFLICT (jti) DO NOTHING")
        .param("jti", tokenId)
        .param("expiresAt", StoredInstant.format(expiresAt))
        .update();
  }

  boolean isRevoked(String tokenId) {
    return revoked.containsKey(tokenId);
  }

  /** Forgets revocations of tokens that have expired: those are refused for their expiry. */
  int purgeExpired(Instant now) {
    revoked.values().removeIf(expiresAt -> !expiresAt.isAfter(now));
    return jdbc.sql("DELETE FROM revoked_tokens WHERE expires_at <= :now")
        .param("now", StoredInstant.format(now))
        .update();
  }
}
