package io.workspacebackend.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Reads command-line overrides keyed {@code "section.key"} into raw values. */
final class OverrideSource {
  private OverrideSource() {}

  static Map<Setting<?>, RawValue> read(Map<String, String> overrides, Path workingDir)
      throws ConfigException {
    Map<String, Setting<?>> byName = new LinkedHashMap<>();
    Settings.ALL.forEach(s -> byName.put(s.name(), s));
    Origin origin = new Origin("command line", workingDir);
    Map<Setting<?>, RawValue> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> override : new TreeMap<>(overrides).entrySet()) {
      Setting<?> setting = byName.get(override.getKey());
      if (setting == null) {
        throw new ConfigException(
            "unknown setting \""
                + override.getKey()
                + "\""
                + ClosestName.hint(override.getKey(), byName.keySet(), "\"", "\""));
      }
      values.put(setting, new RawValue.Text(override.getValue(), true, origin));
    }
    return values;
  }
}
