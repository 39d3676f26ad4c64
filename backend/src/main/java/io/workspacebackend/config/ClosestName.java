package io.workspacebackend.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Finds the known name closest to a misspelt one, for "did you mean" hints. */
final class ClosestName {
  private ClosestName() {}

  /** The closest candidate, if it is near enough to be what was meant. */
  static Optional<String> among(String typo, Collection<String> candidates) {
    // Short names need some slack too ("prot" is two edits from "port").
    int allowed = Math.max(2, typo.length() / 3);
    return candidates.stream()
        .filter(candidate -> distance(typo, candidate) <= allowed)
        .min(Comparator.comparingInt(candidate -> distance(typo, candidate)));
  }

  /** " (did you mean X?)" with X formatted by the caller, or "" when nothing is close. */
  static String hint(String typo, Collection<String> candidates, String before, String after) {
    return among(typo, candidates)
        .map(c -> " (did you mean " + before + c + after + "?)")
        .orElse("");
  }

  /** Edit distance counting insertions, deletions, substitutions and adjacent swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
