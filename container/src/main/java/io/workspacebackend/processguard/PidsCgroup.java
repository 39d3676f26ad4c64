package io.workspacebackend.processguard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The container's own pids cgroup, as mounted inside it: {@code /sys/fs/cgroup/pids/} under cgroup
 * v1, {@code /sys/fs/cgroup/} under v2.
 */
final class PidsCgroup {
  private static final List<Path> CANDIDATES =
      List.of(Path.of("/sys/fs/cgroup/pids"), Path.of("/sys/fs/cgroup"));

  private final Path current;
  private final long max;

  private PidsCgroup(Path current, long max) {
    this.current = current;
    this.max = max;
  }

  /** The container's pids cgroup, if it has a limit this process can read. */
  static Optional<PidsCgroup> find() {
    for (Path directory : CANDIDATES) {
      OptionalLong max = read(directory.resolve("pids.max"));
      if (max.isPresent() && Files.isReadable(directory.resolve("pids.current"))) {
        return Optional.of(new PidsCgroup(directory.resolve("pids.current"), max.getAsLong()));
      }
    }
    return Optional.empty();
  }

  long max() {
    return max;
  }

  /** Processes and threads in the container now; the limit when it cannot be read. */
  long current() {
    return read(current).orElse(max);
  }

  /** A number, or empty for a missing file or "max" (no limit). */
  private static OptionalLong read(Path file) {
    try {
      String text = Files.readString(file).trim();
      return text.equals("max") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
