package io.workspacebackend.terminalgate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** The terminal's HTTP Basic credential: user {@code dev}, the session secret as its password. */
final class TerminalCredential {
  private final byte[] expected;

  TerminalCredential(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("the terminal needs the session secret");
    }
    String token =
        Base64.getEncoder().encodeToString(("dev:" + secret).getBytes(StandardCharsets.UTF_8));
    this.expected = ("Basic " + token).getBytes(StandardCharsets.US_ASCII);
  }

  /** Compared in constant time, so the answer's timing tells nothing about the secret. */
  boolean admits(String authorization) {
    if (authorization == null) {
      return false;
    }
    return MessageDigest.isEqual(expected, authorization.getBytes(StandardCharsets.US_ASCII));
  }
}
