package io.workspacebackend.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The file holding the server's token-signing key: 256 random bits, base64, mode 0600. */
public final class JwtSecretFile {
  /** HS256 needs a key at least as long as its hash. */
  public static final int MINIMUM_BYTES = 32;

  private JwtSecretFile() {}

  /**
   * Writes a new random secret unless the file exists. Safe against a concurrent caller: the secret
   * is written to a private temporary file and linked into place, which fails if another process
   * got there first, so a secret in use is never replaced.
   *
   * @return whether this call created the file
   */
  public static boolean createIfAbsent(Path file) throws IOException {
    if (Files.exists(file)) {
      return false;
    }
    byte[] key = new byte[MINIMUM_BYTES];
    new SecureRandom().nextBytes(key);
    Path directory = file.toAbsolutePath().getParent();
    Path temporary =
        posix(directory)
            ? Files.createTempFile(
                directory,
                ".jwt-secret",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
            : Files.createTempFile(directory, ".jwt-secret", ".tmp");
    try {
      Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n");
      Files.createLink(file, temporary);
      return true;
    } catch (FileAlreadyExistsException raced) {
      return false;
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Reads the key; refuses a missing file or one shorter than 256 bits. */
  public static byte[] read(Path file) throws InvalidSecretException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (NoSuchFileException e) {
      throw new InvalidSecretException(
          "JWT secret file " + file + " does not exist; run `workspace-backend init`");
    } catch (IOException e) {
      throw new InvalidSecretException(
          "cannot read JWT secret file " + file + ": " + e.getMessage());
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidSecretException("JWT secret file " + file + " is not base64");
    }
    if (key.length < MINIMUM_BYTES) {
      throw new InvalidSecretException(
          "JWT secret in "
              + file
              + " has "
              + key.length * 8
              + " bits; at least 256 are required (delete it and run `workspace-backend init`)");
    }
    return key;
  }

  private static boolean posix(Path directory) {
    return directory.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** The secret file is missing, unreadable or too weak. */
  public static final class InvalidSecretException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidSecretException(String message) {
      super(message);
    }
  }
}
