package io.workspacebackend.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Backs a configuration file up beside itself without ever replacing an earlier backup: the first
 * is {@code config.toml.bak}, later ones {@code config.toml.bak.1}, {@code .bak.2}…, so the highest
 * number is the newest.
 */
final class ConfigBackups {
  private ConfigBackups() {}

  /** Copies {@code file} to its next free backup name and returns that name. */
  static Path backUp(Path file) throws IOException {
    String base = file.getFileName() + ".bak";
    for (int number = highestNumber(file, base) + 1; ; number++) {
      Path backup = file.resolveSibling(number == 0 ? base : base + "." + number);
      try {
        // No REPLACE_EXISTING: a backup that appeared meanwhile is kept and the next number taken.
        Files.copy(file, backup, StandardCopyOption.COPY_ATTRIBUTES);
        return backup;
      } catch (FileAlreadyExistsException taken) {
        // try the next number
      }
    }
  }

  /** The highest backup number present: -1 for none, 0 for {@code .bak} alone. */
  private static int highestNumber(Path file, String base) throws IOException {
    int highest = -1;
    try (DirectoryStream<Path> siblings =
        Files.newDirectoryStream(file.toAbsolutePath().getParent(), base + "*")) {
      for (Path sibling : siblings) {
        String name = sibling.getFileName().toString();
        if (name.equals(base)) {
          highest = Math.max(highest, 0);
        } else if (name.startsWith(base + ".")) {
          highest = Math.max(highest, number(name.substring(base.length() + 1)));
        }
      }
    }
    return highest;
  }

  private static int number(String suffix) {
    if (suffix.isEmpty() || suffix.length() > 9 || !suffix.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Integer.parseInt(suffix);
  }
}
