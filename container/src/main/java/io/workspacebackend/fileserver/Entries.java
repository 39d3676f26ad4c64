package io.workspacebackend.fileserver;

import io.workspacebackend.model.files.EntryType;
import io.workspacebackend.model.files.FileEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads workspace entries, and directory listings down to a depth, from disk. */
final class Entries {

  private static final Comparator<FileEntry> DIRECTORIES_FIRST_THEN_BY_NAME =
      Comparator.comparing((FileEntry e) -> e.type() != EntryType.DIR)
          .thenComparing(FileEntry::name);

  private final Workspace workspace;

  Entries(Workspace workspace) {
    this.workspace = workspace;
  }

  /** The entry of one existing target, without children. */
  FileEntry read(Workspace.Target target) throws IOException {
    return entry(target, Files.readAttributes(target.file(), BasicFileAttributes.class), null);
  }

  /**
   * The entry of an existing target with its directory's children listed {@code depth} levels down.
   * Dot-files are left out unless {@code hidden}; so are symbolic links that lead outside the
   * workspace or nowhere, which no other endpoint would let the client use.
   */
  FileEntry tree(Workspace.Target target, int depth, boolean hidden) throws IOException {
    var attributes = Files.readAttributes(target.file(), BasicFileAttributes.class);
    if (!attributes.isDirectory() || depth == 0) {
      return entry(target, attributes, null);
    }
    var children = new ArrayList<FileEntry>();
    try (var listing = Files.newDirectoryStream(target.file())) {
      for (Path child : listing) {
        var name = child.getFileName().toString();
        if (!hidden && name.startsWith(".")) {
          continue;
        }
        try {
          children.add(tree(workspace.child(target, name), depth - 1, hidden));
        } catch (HttpProblem | IOException unusable) {
          // Left out: a link leading outside or to nothing, a name we refuse, or an entry gone
          // meanwhile.
        }
      }
    }
    children.sort(DIRECTORIES_FIRST_THEN_BY_NAME);
    return entry(target, attributes, children);
  }

  private static FileEntry entry(
      Workspace.Target target, BasicFileAttributes attributes, List<FileEntry> children) {
    var directory = attributes.isDirectory();
    return new FileEntry(
        target.name(),
        target.relative(),
        directory ? EntryType.DIR : EntryType.FILE,
        directory ? 0 : attributes.size(),
        attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.MILLIS),
        children);
  }
}
