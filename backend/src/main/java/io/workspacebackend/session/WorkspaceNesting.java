package io.workspacebackend.session;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/**
 * No session's workspace may lie inside another session's, or contain one. A container can write
 * anything in its own workspace; if another workspace were nested in it, that container could swap
 * the nested directory for a symlink between the check and the mount, and the engine would mount
 * wherever the link points. Two sessions may share one workspace: neither can replace it.
 */
final class WorkspaceNesting {
  private WorkspaceNesting() {}

  /** Why {@code requested} may not be used beside the workspaces {@code inUse}, if it may not. */
  static Optional<String> conflict(Path requested, Collection<Path> inUse) {
    for (Path other : inUse) {
      if (requested.equals(other)) {
        continue;
      }
      if (requested.startsWith(other)) {
        return Optional.of(
            "workspace lies inside the workspace of another session ("
                + other.getFileName()
                + "); use a directory of its own");
      }
      if (other.startsWith(requested)) {
        return Optional.of(
            "workspace contains the workspace of another session ("
                + other.getFileName()
                + "); use a directory of its own");
      }
    }
    return Optional.empty();
  }
}
