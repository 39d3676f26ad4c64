package io.workspacebackend.fileserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.regex.Pattern;

/**
 * The workspace directory, and the one place where a path from a request becomes a file system
 * path. Every path must stay inside the workspace, judged both by its spelling and by where it
 * really leads on disk once symbolic links are followed.
 */
final class Workspace {

  private static final Pattern STILL_ENCODED = Pattern.compile("%[0-9A-Fa-f]{2}");

  private final Path root;

  Workspace(Path root) throws IOException {
    this.root = root.toRealPath();
    if (!Files.isDirectory(this.root)) {
      throw new NotDirectoryOnStart(this.root);
    }
  }

  Path root() {
    return root;
  }

  /**
   * Resolves a query parameter (already percent-decoded once) to a target inside the workspace.
   *
   * @throws HttpProblem 400 for anything spelled or leading outside the workspace
   */
  Target resolve(String requested) throws HttpProblem, IOException {
    var relative = normalise(requested);
    var file = relative.isEmpty() ? root : root.resolve(relative);
    requireInside(file, requested);
    return new Target(relative, file);
  }

  /**
   * Creates a directory and its missing parents; 409 when an existing ancestor is not a directory.
   */
  void createDirectories(Path directory) throws IOException, HttpProblem {
    var existing = directory;
    while (!Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (!Files.isDirectory(existing)) {
      throw HttpProblem.conflict("not a directory: " + root.relativize(existing));
    }
    Files.createDirectories(directory);
  }

  /** The target that {@code name} would be inside the directory {@code dir}. */
  Target child(Target dir, String name) throws HttpProblem, IOException {
    return resolve(dir.relative().isEmpty() ? name : dir.relative() + "/" + name);
  }

  private static String normalise(String requested) throws HttpProblem {
    for (int i = 0; i < requested.length(); i++) {
      char c = requested.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw HttpProblem.badRequest("path contains a control character");
      }
      if (c == '\\') {
        throw HttpProblem.badRequest("path contains a backslash: " + requested);
      }
    }
    if (requested.startsWith("/")) {
      throw HttpProblem.badRequest("path must be relative to the workspace: " + requested);
    }
    // The query string was decoded once; what still looks encoded was encoded twice, a classic way
    // of smuggling "../" past one layer of checks.
    if (STILL_ENCODED.matcher(requested).find()) {
      throw HttpProblem.badRequest("path is percent-encoded more than once: " + requested);
    }
    var segments = new ArrayList<String>();
    for (var segment : requested.split("/")) {
      if (segment.equals("..")) {
        throw HttpProblem.badRequest("path must not contain '..': " + requested);
      }
      if (!segment.isEmpty() && !segment.equals(".")) {
        segments.add(segment);
      }
    }
    return String.join("/", segments);
  }

  /**
   * Follows the real file system: the nearest existing ancestor of {@code file} (or the file
   * itself) must really lie inside the workspace. The file server runs as the same user as the
   * terminal, so this keeps requests inside the workspace; it is not a privilege boundary.
   */
  private void requireInside(Path file, String requested) throws HttpProblem, IOException {
    var existing = file;
    while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    Path real;
    try {
      real = existing.toRealPath();
    } catch (NoSuchFileException danglingLink) {
      // The path itself may be a link to nothing: reading it fails and writing, moving or
      // deleting replaces the link, so only its directory must lie inside. A dangling link
      // further up is refused: it could lead anywhere once its target appears.
      if (!existing.equals(file)) {
        throw HttpProblem.badRequest("path goes through a symbolic link to nothing: " + requested);
      }
      real = existing.getParent().toRealPath().resolve(existing.getFileName());
    }
    if (!real.startsWith(root)) {
      throw HttpProblem.badRequest("path leads outside the workspace: " + requested);
    }
  }

  /**
   * A file or directory inside the workspace.
   *
   * @param relative the normalised path relative to the workspace, as clients see it; empty for the
   *     workspace itself
   * @param file where it is on disk
   */
  record Target(String relative, Path file) {

    boolean isRoot() {
      return relative.isEmpty();
    }

    String name() {
      return isRoot() ? "" : file.getFileName().toString();
    }
  }

  /** The configured workspace is not a directory; the server cannot start. */
  static final class NotDirectoryOnStart extends IOException {
    private static final long serialVersionUID = 1L;

    NotDirectoryOnStart(Path path) {
      super("workspace is not a directory: " + path);
    }
  }
}
