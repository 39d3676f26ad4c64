package io.workspacebackend.invite;

import io.workspacebackend.model.user.Role;
import java.time.Duration;
import java.util.Optional;

/**
 * What to generate: {@code count} codes of {@code maxUses} uses each, granting {@code role}. {@code
 * createdBy} is the admin's username, empty for the CLI.
 */
public record NewInvites(
    int count,
    int maxUses,
    Optional<Duration> expiresIn,
    Role role,
    Optional<String> note,
    Optional<String> createdBy) {
  public static final int MAX_COUNT = 100;
  public static final int MAX_NOTE_LENGTH = 500;

  /** Ten years: far enough for any real use, near enough to stay an RFC 3339 timestamp. */
  public static final Duration MAX_EXPIRES_IN = Duration.ofDays(3650);

  public static final String EXPIRES_IN_RULE =
      "must be a positive duration of at most 3650 days, like \"7d\", \"12h\" or \"P7D\"";

  /** Whether {@code expiresIn} is a lifetime an invite code may have. */
  public static boolean allowedExpiry(Duration expiresIn) {
    return !expiresIn.isNegative()
        && !expiresIn.isZero()
        && expiresIn.compareTo(MAX_EXPIRES_IN) <= 0;
  }

  public NewInvites {
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("count must be from 1 to " + MAX_COUNT);
    }
    if (maxUses < 1) {
      throw new IllegalArgumentException("max uses must be at least 1");
    }
    if (expiresIn.isPresent() && !allowedExpiry(expiresIn.get())) {
      throw new IllegalArgumentException("expiry " + EXPIRES_IN_RULE);
    }
    if (note.isPresent() && note.get().length() > MAX_NOTE_LENGTH) {
      throw new IllegalArgumentException("note must be at most " + MAX_NOTE_LENGTH + " characters");
    }
  }
}
