package io.workspacebackend.session;

import com.sun.security.auth.module.UnixSystem;
import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.container.ContainerRuntime;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where sessions' workspaces live on the host ({@code <workspace_root>/<username>/…}) and how one
 * is made ready to be mounted.
 *
 * <p>A container can write everything in its own workspace, including replacing a directory with a
 * symlink. So a path is checked twice: when the session is requested ({@link #resolve}, which
 * follows links that stay inside the user's directory and stores the real path) and again right
 * before the mount ({@link #prepare}, which follows no link at all). Between the two, nothing a
 * container can write lies on the path: {@link WorkspaceNesting} keeps workspaces from nesting.
 */
@Component
final class WorkspaceDirectories {
  /** The container's user (the image's {@code dev}); it must be able to write the workspace. */
  static final int CONTAINER_UID = 1000;

  private final Path root;
  private final int ownerUid;
  private final int ownerGid;

  @Autowired
  WorkspaceDirectories(WorkspaceConfig config, ContainerRuntime runtime) {
    this(
        config.paths().workspaceRoot(),
        runtime.engine().hostUidOf(CONTAINER_UID),
        runtime.engine().hostGidOf(CONTAINER_UID));
  }

  WorkspaceDirectories(Path root) {
    this(root, CONTAINER_UID, CONTAINER_UID);
  }

  /**
   * {@code ownerUid} and {@code ownerGid}: the host ids the container's user writes as (the
   * engine's own account on rootless Podman), which must be able to write the workspace.
   */
  WorkspaceDirectories(Path root, int ownerUid, int ownerGid) {
    this.root = root.toAbsolutePath().normalize();
    this.ownerUid = ownerUid;
    this.ownerGid = ownerGid;
  }

  /**
   * The real path of a session's workspace: {@code requested} (relative to the user's directory) if
   * given, else {@code defaultName}. Writes nothing: the directory is made by {@link #prepare} when
   * the session's container is about to be created.
   */
  Path resolve(String username, Optional<String> requested, String defaultName)
      throws InvalidWorkspaceException, IOException {
    Path userDirectory = realRoot().resolve(username);
    String relative = requested.filter(text -> !text.isBlank()).orElse(defaultName);
    Path resolved = resolveInside(userDirectory, relative);
    // The longest existing prefix decides where symlinks lead.
    Path existing = resolved;
    while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    Path real;
    try {
      real = existing.toRealPath().resolve(existing.relativize(resolved));
    } catch (IOException e) {
      // A dangling symlink: refuse rather than let anything create its target.
      throw new InvalidWorkspaceException("workspace leads outside your workspace directory");
    }
    Path realUserDirectory =
        Files.exists(userDirectory) ? userDirectory.toRealPath() : userDirectory;
    if (!real.startsWith(realUserDirectory)) {
      throw new InvalidWorkspaceException("workspace leads outside your workspace directory");
    }
    if (real.equals(realUserDirectory)) {
      throw new InvalidWorkspaceException(
          "workspace must name a directory inside your workspace directory, not the directory"
              + " itself");
    }
    return real;
  }

  /** {@code relative} under {@code userDirectory}, lexically: no absolute paths, no {@code ..}. */
  static Path resolveInside(Path userDirectory, String relative) throws InvalidWorkspaceException {
    Path path;
    try {
      path = Path.of(relative);
    } catch (InvalidPathException e) {
      throw new InvalidWorkspaceException("workspace is not a valid path");
    }
    if (relative.contains(":") || relative.contains(",")) {
      // The engines' bind syntax (source:target:options) gives these a meaning of their own.
      throw new InvalidWorkspaceException("workspace must not contain ':' or ','");
    }
    if (path.isAbsolute() || relative.startsWith("/") || relative.startsWith("\\")) {
      throw new InvalidWorkspaceException("workspace must be a relative path");
    }
    for (Path part : path) {
      if (part.toString().equals("..")) {
        throw new InvalidWorkspaceException("workspace must not contain '..'");
      }
    }
    return userDirectory.resolve(path).normalize();
  }

  /**
   * Makes {@code workspace} (a path {@link #resolve} gave) ready to mount: walks down from the
   * workspace root one name at a time, creating what is missing and refusing any symlink or
   * non-directory on the way, then hands the directory to the container's user.
   */
  WorkspaceMount prepare(Path workspace) throws InvalidWorkspaceException, IOException {
    Path current = realRoot();
    for (Path name : below(current, workspace)) {
      current = current.resolve(name);
      try {
        Files.createDirectory(current);
      } catch (FileAlreadyExistsException exists) {
        // Checked below, without following it if it is a link.
      }
      directoryAttributes(current);
    }
    makeWritableForContainer(current);
    return new WorkspaceMount(current, directoryAttributes(current).fileKey());
  }

  /**
   * Whether {@code mount}'s path still leads, without a symlink anywhere below the workspace root,
   * to the very directory {@link #prepare} made ready.
   */
  boolean stillInPlace(WorkspaceMount mount) throws IOException {
    try {
      Path current = realRoot();
      BasicFileAttributes attributes = null;
      for (Path name : below(current, mount.path())) {
        current = current.resolve(name);
        attributes = directoryAttributes(current);
      }
      return attributes != null && mount.fileKey().equals(attributes.fileKey());
    } catch (InvalidWorkspaceException changed) {
      return false;
    }
  }

  Path realRoot() throws IOException {
    Files.createDirectories(root);
    return root.toRealPath();
  }

  /** The names from {@code top} down to {@code path}, which must lie strictly below it. */
  static Path below(Path top, Path path) throws InvalidWorkspaceException {
    if (!path.isAbsolute() || !path.normalize().equals(path) || !path.startsWith(top)) {
      throw new InvalidWorkspaceException("workspace " + path + " is not below " + top);
    }
    Path names = top.relativize(path);
    if (names.toString().isEmpty()) {
      throw new InvalidWorkspaceException("workspace " + path + " is the workspace root itself");
    }
    return names;
  }

  static BasicFileAttributes directoryAttributes(Path path)
      throws InvalidWorkspaceException, IOException {
    BasicFileAttributes attributes =
        Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (attributes.isSymbolicLink()) {
      throw new InvalidWorkspaceException("workspace path " + path + " is a symbolic link");
    }
    if (!attributes.isDirectory()) {
      throw new InvalidWorkspaceException("workspace path " + path + " is not a directory");
    }
    return attributes;
  }

  /**
   * The container's user writes as {@code ownerUid} on the host: uid 1000, or the backend's own
   * account on rootless Podman, whose workspaces then need nothing. As root, hand it the directory;
   * as another user, which cannot chown, open the directory itself (its parents stay private to the
   * backend's user).
   */
  private void makeWritableForContainer(Path workspace) throws IOException {
    if (!workspace.getFileSystem().supportedFileAttributeViews().contains("unix")) {
      return;
    }
    if ((Integer) Files.getAttribute(workspace, "unix:uid", LinkOption.NOFOLLOW_LINKS)
        == ownerUid) {
      return;
    }
    if (new UnixSystem().getUid() == 0) {
      Files.setAttribute(workspace, "unix:uid", ownerUid, LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(workspace, "unix:gid", ownerGid, LinkOption.NOFOLLOW_LINKS);
    } else {
      Files.getFileAttributeView(workspace, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .setPermissions(PosixFilePermissions.fromString("rwxrwxrwx"));
    }
  }

  /** A workspace made ready to mount: its path and the identity of the directory it names. */
  record WorkspaceMount(Path path, Object fileKey) {}
}
