package io.workspacebackend.rootless;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A systemd unit file as systemd reads the parts tests use: {@code [Section]} headers and {@code
 * Key=value} lines, comments ({@code #}, {@code ;}) and blank lines skipped, a key given twice
 * listed twice.
 */
final class UnitFile {
  private final Path path;
  private final Map<String, List<String>> values = new LinkedHashMap<>();

  private UnitFile(Path path) {
    this.path = path;
  }

  static UnitFile read(Path path) throws IOException {
    UnitFile unit = new UnitFile(path);
    String section = "";
    for (String raw : Files.readAllLines(path)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        section = line.substring(1, line.length() - 1);
        continue;
      }
      int equals = line.indexOf('=');
      if (equals < 0) {
        throw new IOException(path + ": not a Key=value line: " + line);
      }
      unit.values
          .computeIfAbsent(
              section + "." + line.substring(0, equals).strip(), key -> new ArrayList<>())
          .add(line.substring(equals + 1).strip());
    }
    return unit;
  }

  List<String> all(String section, String key) {
    return values.getOrDefault(section + "." + key, List.of());
  }

  String single(String section, String key) throws IOException {
    List<String> found = all(section, key);
    if (found.size() != 1) {
      throw new IOException(path + ": expected one " + key + "= in [" + section + "]: " + found);
    }
    return found.get(0);
  }

  /**
   * The {@code Environment=} assignments, {@code NAME=value} each (one per line here; systemd also
   * allows several per line, quoted, which these units do not use).
   */
  Map<String, String> environment(String section) {
    Map<String, String> environment = new LinkedHashMap<>();
    for (String assignment : all(section, "Environment")) {
      int equals = assignment.indexOf('=');
      environment.put(assignment.substring(0, equals), assignment.substring(equals + 1));
    }
    return environment;
  }
}
