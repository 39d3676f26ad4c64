package io.workspacebackend.container;

import java.util.Objects;
import org.springframework.util.unit.DataSize;

/**
 * A tmpfs to mount in a container: empty at start, bounded by {@code size}, always {@code nosuid}
 * and {@code nodev}; {@code executable} false adds {@code noexec}. It belongs to root unless {@code
 * ownedByUser}, which gives it to the container's user (a numeric {@code uid:gid}, see {@link
 * ContainerSpec}). Its pages count against the container's memory limit.
 */
public record Tmpfs(String path, DataSize size, int mode, boolean executable, boolean ownedByUser) {

  public Tmpfs {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(size, "size");
    if (!path.startsWith("/") || path.length() < 2) {
      throw new IllegalArgumentException("a tmpfs needs an absolute path other than /: " + path);
    }
    if (size.toBytes() <= 0) {
      throw new IllegalArgumentException("a tmpfs needs a positive size: " + path);
    }
    if (mode < 0 || mode > 07777) {
      throw new IllegalArgumentException("not a file mode: " + Integer.toOctalString(mode));
    }
  }

  /** The mode as mount options write it, e.g. {@code 1777}. */
  String octalMode() {
    return String.format("%04o", mode);
  }
}
