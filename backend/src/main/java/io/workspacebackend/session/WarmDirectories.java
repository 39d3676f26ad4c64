package io.workspacebackend.session;

import io.workspacebackend.session.WorkspaceDirectories.WorkspaceMount;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The directories warm slots mount, {@code <workspace_root>/.warm/<slot id>}, and how a claimed
 * slot's directory becomes its user's new workspace.
 *
 * <p>No user can name a slot's directory: usernames start with a letter or digit, and a workspace
 * is a path inside its user's own directory, reached through no link that leads out of it
 * (WorkspaceDirectories#resolve). A bind mount follows its directory across a rename on one
 * filesystem, so claiming renames the slot's directory to the new workspace: the container, which
 * the engine still reports mounting the old path, then has the workspace mounted. What proves it is
 * the directory's identity (device and inode), made and checked in place when the slot started
 * (after its container started, see WarmSlotLauncher) and checked again at the new path.
 */
@Component
class WarmDirectories {
  static final String WARM = ".warm";

  private final WorkspaceDirectories workspaces;

  WarmDirectories(WorkspaceDirectories workspaces) {
    this.workspaces = workspaces;
  }

  /** Where the slot's directory lives. */
  Path directoryOf(String slotId) throws IOException {
    return workspaces.realRoot().resolve(WARM).resolve(slotId);
  }

  /** Makes the slot's empty directory ready to mount, following no symlink (as for a workspace). */
  WorkspaceMount prepare(Path directory) throws InvalidWorkspaceException, IOException {
    requireWarm(directory);
    WorkspaceMount mount = workspaces.prepare(directory);
    if (!isEmpty(directory)) {
      throw new InvalidWorkspaceException("warm directory " + directory + " is not empty");
    }
    return mount;
  }

  /** What {@code warm_slots.directory_key} stores: the directory's device and inode. */
  static String key(WorkspaceMount mount) {
    return mount.fileKey().toString();
  }

  /**
   * The slot's directory as it is now, if a plain directory is there, reached through no symlink,
   * whose identity is {@code key}, and it is empty.
   */
  Optional<WorkspaceMount> unchanged(Path directory, String key) throws IOException {
    try {
      requireWarm(directory);
      Path current = workspaces.realRoot();
      BasicFileAttributes attributes = null;
      for (Path name : WorkspaceDirectories.below(current, directory)) {
        current = current.resolve(name);
        attributes = WorkspaceDirectories.directoryAttributes(current);
      }
      if (attributes == null
          || !String.valueOf(attributes.fileKey()).equals(key)
          || !isEmpty(directory)) {
        return Optional.empty();
      }
      return Optional.of(new WorkspaceMount(directory, attributes.fileKey()));
    } catch (InvalidWorkspaceException | NoSuchFileException changed) {
      return Optional.empty();
    }
  }

  /**
   * Moves a ready slot's directory to {@code target}, the new workspace of the session claiming it
   * (a path WorkspaceDirectories#resolve gave), and returns the workspace, the same directory.
   * Creates the directories above {@code target} as a launch does (one name at a time, refusing any
   * symlink); refuses, changing nothing, when {@code target} exists (a user's directory is never
   * replaced), or when the slot's directory is not the one it was or not empty (nothing the slot's
   * processes wrote ends up in the workspace). Then checks that {@code target} names the slot's
   * directory, reached through no symlink.
   */
  WorkspaceMount moveInto(WorkspaceMount slot, Path target)
      throws InvalidWorkspaceException, IOException {
    requireWarm(slot.path());
    Path current = workspaces.realRoot();
    Path names = WorkspaceDirectories.below(current, target);
    if (names.startsWith(WARM)) {
      throw new InvalidWorkspaceException("workspace " + target + " lies among the warm slots");
    }
    for (int i = 0; i < names.getNameCount() - 1; i++) {
      current = current.resolve(names.getName(i));
      try {
        Files.createDirectory(current);
      } catch (FileAlreadyExistsException exists) {
        // Checked below, without following it if it is a link.
      }
      WorkspaceDirectories.directoryAttributes(current);
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidWorkspaceException("workspace " + target + " exists already");
    }
    if (!workspaces.stillInPlace(slot) || !isEmpty(slot.path())) {
      throw new InvalidWorkspaceException(
          "warm directory " + slot.path() + " changed or is not empty");
    }
    // rename(2): atomic, and on another filesystem refused rather than copied.
    Files.move(slot.path(), target, StandardCopyOption.ATOMIC_MOVE);
    WorkspaceMount moved = new WorkspaceMount(target, slot.fileKey());
    if (!workspaces.stillInPlace(moved)) {
      throw new InvalidWorkspaceException(
          "workspace " + target + " is not the warm directory moved there");
    }
    return moved;
  }

  /**
   * Deletes a slot's directory and what is in it, following no symlink (a link is deleted, never
   * what it points to). Nothing outside {@code <workspace_root>/.warm} is ever touched; a directory
   * already gone (claimed, so moved) is fine.
   */
  void delete(Path directory) throws IOException {
    try {
      requireWarm(directory);
    } catch (InvalidWorkspaceException e) {
      throw new IOException(e.getMessage(), e);
    }
    if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        directory,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException failed)
              throws IOException {
            if (failed != null) {
              throw failed;
            }
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** Every entry of {@code <workspace_root>/.warm}: slots' directories, and any left over. */
  List<Path> all() throws IOException {
    Path warm = workspaces.realRoot().resolve(WARM);
    List<Path> entries = new ArrayList<>();
    if (!Files.isDirectory(warm, LinkOption.NOFOLLOW_LINKS)) {
      return entries;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(warm)) {
      stream.forEach(entries::add);
    }
    return entries;
  }

  /** Exactly one name below {@code <workspace_root>/.warm}. */
  private void requireWarm(Path directory) throws InvalidWorkspaceException, IOException {
    Path warm = workspaces.realRoot().resolve(WARM);
    if (!directory.isAbsolute()
        || !directory.normalize().equals(directory)
        || directory.getParent() == null
        || !directory.getParent().equals(warm)) {
      throw new InvalidWorkspaceException(directory + " is not a warm slot's directory");
    }
  }

  private static boolean isEmpty(Path directory) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      return !entries.iterator().hasNext();
    }
  }
}
