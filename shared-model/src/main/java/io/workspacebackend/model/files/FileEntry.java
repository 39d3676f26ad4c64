package io.workspacebackend.model.files;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One file or directory of a session workspace, as {@code GET /tree} and {@code POST /upload}
 * return it.
 *
 * @param name the last path segment; empty for the workspace itself
 * @param path the path relative to the workspace, segments joined by {@code /}; empty for the
 *     workspace itself
 * @param size the length in bytes of a file; 0 for a directory
 * @param modified the last modification time, serialised as an RFC 3339 UTC timestamp
 * @param children the entries of a directory listed down to the requested depth; absent for files
 *     and for directories below that depth
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileEntry(
    String name,
    String path,
    EntryType type,
    long size,
    Instant modified,
    List<FileEntry> children) {

  public FileEntry {
    children = children == null ? null : List.copyOf(children);
  }
}
