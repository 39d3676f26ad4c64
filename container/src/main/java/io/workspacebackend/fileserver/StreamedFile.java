package io.workspacebackend.fileserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.UUID;

/**
 * Streams a request body into a workspace file through a temporary sibling that is renamed over the
 * target at the end, so that readers never see half a file and a failed upload leaves the old file
 * as it was.
 */
final class StreamedFile {

  static final int BUFFER_SIZE = 64 * 1024;

  private StreamedFile() {}

  /**
   * Writes {@code content} to {@code target}, creating missing parent directories.
   *
   * @return whether the file is new (false: it replaced one)
   */
  static boolean write(Workspace workspace, Workspace.Target target, InputStream content)
      throws IOException, HttpProblem {
    var file = target.file();
    if (target.isRoot() || Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
      throw HttpProblem.conflict("a directory exists at " + target.relative());
    }
    var parent = file.getParent();
    workspace.createDirectories(parent);
    var existed = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    // CREATE_NEW honours the umask, unlike Files.createTempFile's fixed 0600.
    var temporary = parent.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".part");
    try {
      try (var out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW)) {
        copy(content, out);
      }
      if (existed) {
        keepPermissions(file, temporary);
      }
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
    return !existed;
  }

  /** Copies all of {@code in} to {@code out} through one buffer. */
  static long copy(InputStream in, OutputStream out) throws IOException {
    var buffer = new byte[BUFFER_SIZE];
    long total = 0;
    for (int n; (n = in.read(buffer)) >= 0; ) {
      out.write(buffer, 0, n);
      total += n;
    }
    return total;
  }

  /** A replaced script stays executable. */
  private static void keepPermissions(Path from, Path to) throws IOException {
    var view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
    if (view != null && Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS)) {
      Files.setPosixFilePermissions(to, view.readAttributes().permissions());
    }
  }
}
