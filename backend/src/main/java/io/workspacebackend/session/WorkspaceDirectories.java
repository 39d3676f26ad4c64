package io.workspacebackend.session;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Where a session's workspace lives on the host: always inside the caller's own directory {@code
 * <workspace_root>/<username>/}. A requested path is checked on the real filesystem, so neither
 * {@code ..} nor a symlink can lead out of it.
 */
final class WorkspaceDirectories {
  /** The container's user (the image's {@code dev}); it must be able to write the workspace. */
  static final int CONTAINER_UID = 1000;

  private final Path root;

  WorkspaceDirectories(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /**
   * The directory for a session: {@code requested} (relative to the user's directory) if given,
   * else {@code defaultName}. Creates it if missing and makes it writable for the container.
   */
  Path prepare(String username, Optional<String> requested, String defaultName)
      throws InvalidWorkspaceException, IOException {
    Path userDirectory = root.resolve(username);
    Files.createDirectories(userDirectory);
    String relative = requested.filter(text -> !text.isBlank()).orElse(defaultName);
    Path workspace = resolveInside(userDirectory, relative);
    Files.createDirectories(workspace);
    // Directories created above may have raced with a symlink swap: check the real path again.
    Path real = workspace.toRealPath();
    if (!real.startsWith(userDirectory.toRealPath())) {
      throw new InvalidWorkspaceException("workspace leads outside your workspace directory");
    }
    makeWritableForContainer(real);
    return real;
  }

  static Path resolveInside(Path userDirectory, String relative) throws InvalidWorkspaceException {
    Path path;
    try {
      path = Path.of(relative);
    } catch (InvalidPathException e) {
      throw new InvalidWorkspaceException("workspace is not a valid path");
    }
    if (path.isAbsolute() || relative.startsWith("/") || relative.startsWith("\\")) {
      throw new InvalidWorkspaceException("workspace must be a relative path");
    }
    for (Path part : path) {
      if (part.toString().equals("..")) {
        throw new InvalidWorkspaceException("workspace must not contain '..'");
      }
    }
    Path resolved = userDirectory.resolve(path).normalize();
    // The longest existing prefix decides where symlinks lead.
    Path existing = resolved;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    try {
      if (existing != null && !existing.toRealPath().startsWith(userDirectory.toRealPath())) {
        throw new InvalidWorkspaceException("workspace leads outside your workspace directory");
      }
    } catch (IOException e) {
      // A dangling symlink: refuse rather than let the engine create its target.
      throw new InvalidWorkspaceException("workspace leads outside your workspace directory");
    }
    return resolved;
  }

  /**
   * The container runs as uid 1000. As root, hand it the directory; as another user, which cannot
   * chown, open the directory itself (its parents stay private to the backend's user).
   */
  private static void makeWritableForContainer(Path workspace) throws IOException {
    if (!workspace.getFileSystem().supportedFileAttributeViews().contains("unix")) {
      return;
    }
    if ((Integer) Files.getAttribute(workspace, "unix:uid") == CONTAINER_UID) {
      return;
    }
    if (new UnixSystem().getUid() == 0) {
      Files.setAttribute(workspace, "unix:uid", CONTAINER_UID);
      Files.setAttribute(workspace, "unix:gid", CONTAINER_UID);
    } else {
      Files.setPosixFilePermissions(workspace, PosixFilePermissions.fromString("rwxrwxrwx"));
    }
  }
}
