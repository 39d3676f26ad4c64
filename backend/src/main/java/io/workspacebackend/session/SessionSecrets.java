package io.workspacebackend.session;

import java.security.SecureRandom;
import java.util.Base64;

/** Per-session service secrets: 256 random bits, URL-safe so they pass through any header. */
final class SessionSecrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SessionSecrets() {}

  static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
