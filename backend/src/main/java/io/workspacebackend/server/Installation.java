package io.workspacebackend.server;

import io.workspacebackend.auth.JwtSecretFile;
import io.workspacebackend.config.WorkspaceConfig;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The files and directories a server needs: data, state and workspace directories and the JWT
 * secret. Creating them is idempotent; nothing that exists is ever overwritten.
 */
public final class Installation {
  private final WorkspaceConfig config;

  private Installation(WorkspaceConfig config) {
    this.config = config;
  }

  public static Installation of(WorkspaceConfig config) {
    return new Installation(config);
  }

  /** Creates whatever is missing and returns what it created, in order. */
  public List<Path> ensureDirectoriesAndSecret() throws IOException {
    List<Path> created = new ArrayList<>();
    // The data directory holds the database and the secret: only its owner may enter it.
    createPrivateDirectory(config.paths().dataDir(), created);
    createDirectory(config.paths().stateDir(), created);
    createDirectory(config.paths().workspaceRoot(), created);
    Path secretFile = config.auth().secretFile();
    createDirectory(secretFile.toAbsolutePath().getParent(), created);
    if (JwtSecretFile.createIfAbsent(secretFile)) {
      created.add(secretFile);
    }
    return created;
  }

  private static void createDirectory(Path directory, List<Path> created) throws IOException {
    if (!Files.isDirectory(directory)) {
      Files.createDirectories(directory);
      created.add(directory);
    }
  }

  private static void createPrivateDirectory(Path directory, List<Path> created)
      throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    Files.createDirectories(directory.toAbsolutePath().getParent());
    try {
      if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createDirectory(
            directory,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectory(directory);
      }
      created.add(directory);
    } catch (FileAlreadyExistsException raced) {
      // Another process (the CLI beside a starting server) created it first: fine.
    }
  }
}
