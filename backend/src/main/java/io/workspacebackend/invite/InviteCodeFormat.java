package io.workspacebackend.invite;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Invite codes: 16 characters from an alphabet without look-alikes (no 0/O, 1/I/l, U), shown in
 * groups of four ({@code K7QM-3XJD-P9TR-WB2H}) to be easy to read aloud. About 78 random bits.
 */
final class InviteCodeFormat {
  static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final int LENGTH = 16;
  private static final int GROUP = 4;

  private final SecureRandom random;

  InviteCodeFormat(SecureRandom random) {
    this.random = random;
  }

  String newCode() {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return grouped(code.toString());
  }

  /**
   * The stored form of what a person typed: case, spaces and dashes do not matter. Text that cannot
   * be a code comes back unchanged, so it simply matches nothing.
   */
  static String canonical(String typed) {
    String compact = typed.strip().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
    if (compact.length() != LENGTH || !compact.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
      return typed;
    }
    return grouped(compact);
  }

  private static String grouped(String compact) {
    StringBuilder grouped = new StringBuilder(LENGTH + LENGTH / GROUP);
    for (int i = 0; i < compact.length(); i += GROUP) {
      if (i > 0) {
        grouped.append('-');
      }
      grouped.append(compact, i, i + GROUP);
    }
    return grouped.toString();
  }
}
