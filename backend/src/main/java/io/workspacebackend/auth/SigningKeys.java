package io.workspacebackend.auth;

import io.jsonwebtoken.security.Keys;
import io.workspacebackend.config.WorkspaceConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The server's signing keys, all from the one secret file: login tokens are signed with the secret
 * itself, anything else with a key derived from it for that one purpose (HMAC-SHA256 of the purpose
 * under the secret). Separate keys mean a value signed for one purpose can never verify as another,
 * whatever its claims say.
 */
@Component
public class SigningKeys {
  private final byte[] secret;
  private final SecretKey loginTokens;

  /** Fails to start the server (BackendServer says why in one line) with an unusable secret. */
  public SigningKeys(WorkspaceConfig config) throws JwtSecretFile.InvalidSecretException {
    this.secret = JwtSecretFile.read(config.auth().secretFile());
    this.loginTokens = Keys.hmacShaKeyFor(secret);
  }

  SecretKey loginTokens() {
    return loginTokens;
  }

  /** The key for {@code purpose}; the same purpose always gives the same key. */
  public SecretKey derived(String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] key = mac.doFinal(("workspace-backend:" + purpose).getBytes(StandardCharsets.UTF_8));
      return Keys.hmacShaKeyFor(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
