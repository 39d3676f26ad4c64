package io.workspacebackend.fileserver;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Checks a request's {@code Authorization: Bearer} header against the session secret. */
final class BearerToken {

  private static final String PREFIX = "Bearer ";

  private final byte[] expectedDigest;

  BearerToken(String secret) {
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("the session secret must not be empty");
    }
    this.expectedDigest = sha256(secret);
  }

  /**
   * Whether the header carries the secret. Both sides are hashed first so that the comparison takes
   * the same time whatever the candidate's length and content.
   */
  boolean accepts(String authorizationHeader) {
    if (authorizationHeader == null
        || !authorizationHeader.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return false;
    }
    var candidate = authorizationHeader.substring(PREFIX.length()).strip();
    return MessageDigest.isEqual(expectedDigest, sha256(candidate));
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
