package io.workspacebackend.image;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Debian archive this machine's apt is configured with, read from its sources (one-line and
 * deb822 formats), so that bootstrapping uses the mirror the machine can reach.
 */
final class DebianMirror {
  private static final Pattern ONE_LINE =
      Pattern.compile("(?m)^\\s*deb\\s+(?:\\[[^]]*]\\s+)?(\\S+)");
  private static final Pattern DEB822 = Pattern.compile("(?m)^\\s*URIs:\\s*(.+)$");

  private DebianMirror() {}

  static Optional<String> find(Path aptDirectory) throws IOException {
    List<Path> files = new ArrayList<>();
    Path sourcesList = aptDirectory.resolve("sources.list");
    if (Files.isRegularFile(sourcesList)) {
      files.add(sourcesList);
    }
    Path parts = aptDirectory.resolve("sources.list.d");
    if (Files.isDirectory(parts)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(parts, "*.{list,sources}")) {
        entries.forEach(files::add);
      }
    }
    for (Path file : files.stream().sorted().toList()) {
      Optional<String> mirror = archiveIn(Files.readString(file));
      if (mirror.isPresent()) {
        return mirror;
      }
    }
    return Optional.empty();
  }

  /** The first main Debian archive in {@code text}: its path ends in /debian (not -security). */
  static Optional<String> archiveIn(String text) {
    List<String> uris = new ArrayList<>();
    Matcher oneLine = ONE_LINE.matcher(text);
    while (oneLine.find()) {
      uris.add(oneLine.group(1));
    }
    Matcher deb822 = DEB822.matcher(text);
    while (deb822.find()) {
      uris.addAll(List.of(deb822.group(1).trim().split("\\s+")));
    }
    return uris.stream().filter(uri -> uri.replaceAll("/+$", "").endsWith("/debian")).findFirst();
  }
}
