package io.workspacebackend.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes configuration files so that a reader never sees half of one. */
final class ConfigFiles {
  private ConfigFiles() {}

  /** Replaces {@code file} with {@code content} in one rename. */
  static void writeAtomically(Path file, String content) throws IOException {
    Path temporary = temporaryCopy(file, content);
    try {
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Writes {@code content} only if {@code file} does not exist; returns whether it wrote. */
  static boolean writeIfAbsent(Path file, String content) throws IOException {
    if (Files.exists(file)) {
      return false;
    }
    Path temporary = temporaryCopy(file, content);
    try {
      // A link fails if the file appeared meanwhile, so a user's file is never overwritten.
      Files.createLink(file, temporary);
      return true;
    } catch (FileAlreadyExistsException raced) {
      return false;
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static Path temporaryCopy(Path file, String content) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temporary = Files.createTempFile(directory, ".config", ".tmp");
    Files.writeString(temporary, content);
    return temporary;
  }
}
