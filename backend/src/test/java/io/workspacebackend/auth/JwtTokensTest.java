package io.workspacebackend.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.server.Installation;
import io.workspacebackend.testing.MutableClock;
import io.workspacebackend.testing.TestHome;
import io.workspacebackend.user.UserAccount;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.authentication.BadCredentialsException;

/**
 * A token read once is remembered, so the next request with it is not verified again; what is
 * remembered must never let in more than a fresh check would.
 */
class JwtTokensTest {
  @TempDir Path directory;

  private final MutableClock clock = new MutableClock(Instant.now());
  private JwtTokens tokens;
  private WorkspaceConfig config;

  @BeforeEach
  void keys() throws Exception {
    config = TestHome.in(directory).config(Map.of("auth.token_ttl", "1h"));
    Installation.of(config).ensureDirectoriesAndSecret();
    tokens = new JwtTokens(new SigningKeys(config), config, clock);
  }

  @Test
  void aRememberedTokenStillExpires() {
    IssuedToken issued = tokens.issue(user());
    assertThat(tokens.read(issued.token()).tokenId()).isEqualTo(issued.tokenId());
    assertThat(tokens.read(issued.token()).tokenId()).isEqualTo(issued.tokenId());

    clock.advance(Duration.ofHours(1));

    assertThatThrownBy(() -> tokens.read(issued.token()))
        .isInstanceOf(BadCredentialsException.class);
  }

  @Test
  void rememberingOneTokenLetsInNoAlteredCopyOfIt() {
    String token = tokens.issue(user()).token();
    tokens.read(token);
    // A character inside the signature (the last one carries padding bits too).
    int at = token.length() - 5;
    String altered =
        token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);

    assertThatThrownBy(() -> tokens.read(altered)).isInstanceOf(BadCredentialsException.class);
    assertThat(tokens.read(token)).isNotNull();
  }

  private static UserAccount user() {
    return new UserAccount(UUID.randomUUID(), "ann", "hash", Role.USER, false, Instant.EPOCH);
  }
}
