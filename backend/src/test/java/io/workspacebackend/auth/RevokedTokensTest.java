package io.workspacebackend.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.db.JdbcAccess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevokedTokensTest {
  @TempDir Path dataDir;

  @Test
  void purgingForgetsOnlyRevocationsWhoseTokensHaveExpired() {
    RevokedTokens revoked = new RevokedTokens(JdbcAccess.direct(dataDir));
    Instant now = Instant.now();
    revoked.revoke("expired", now.minus(Duration.ofMinutes(1)));
    revoked.revoke("alive", now.plus(Duration.ofHours(1)));

    int purged = revoked.purgeExpired(now);

    assertThat(purged).isEqualTo(1);
    assertThat(revoked.isRevoked("expired")).isFalse();
    assertThat(revoked.isRevoked("alive")).isTrue();
  }

  @Test
  void revokingTwiceIsHarmless() {
    RevokedTokens revoked = new RevokedTokens(JdbcAccess.direct(dataDir));
    Instant expiry = Instant.now().plus(Duration.ofHours(1));

    revoked.revoke("twice", expiry);
    revoked.revoke("twice", expiry);

    assertThat(revoked.isRevoked("twice")).isTrue();
  }

  @Test
  void aRevocationOutlivesTheServerThatMadeIt() {
    Instant expiry = Instant.now().plus(Duration.ofHours(1));
    new RevokedTokens(JdbcAccess.direct(dataDir)).revoke("before-restart", expiry);

    RevokedTokens afterRestart = new RevokedTokens(JdbcAccess.direct(dataDir));

    assertThat(afterRestart.isRevoked("before-restart")).isTrue();
    assertThat(afterRestart.isRevoked("never-revoked")).isFalse();
  }
}
