package io.workspacebackend.auth;

import io.workspacebackend.db.JdbcAccess;
import io.workspacebackend.db.StoredInstant;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Token ids revoked by logout, kept until the token would have expired anyway. Blocking. */
@Repository
class RevokedTokens {
  private final JdbcClient jdbc;

  RevokedTokens(JdbcAccess access) {
    this.jdbc = access.jdbc();
  }

  void revoke(String tokenId, Instant expiresAt) {
    jdbc.sql(
            "INSERT INTO revoked_tokens (jti, expires_at) VALUES (:jti, :expiresAt)"
                + " ON CONFLICT (jti) DO NOTHING")
        .param("jti", tokenId)
        .param("expiresAt", StoredInstant.format(expiresAt))
        .update();
  }

  boolean isRevoked(String tokenId) {
    return jdbc.sql("SELECT COUNT(*) FROM revoked_tokens WHERE jti = :jti")
            .param("jti", tokenId)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** Forgets revocations of tokens that have expired: those are refused for their expiry. */
  int purgeExpired(Instant now) {
    return jdbc.sql("DELETE FROM revoked_tokens WHERE expires_at <= :now")
        .param("now", StoredInstant.format(now))
        .update();
  }
}
