package io.workspacebackend.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the {@code WORKSPACE_BACKEND__<SECTION>__<KEY>} environment variables into raw values,
 * rejecting any with that prefix that names no setting.
 */
final class EnvironmentSource {
  private EnvironmentSource() {}

  static Map<Setting<?>, RawValue> read(Map<String, String> environment, Path workingDir)
      throws ConfigException {
    Map<String, Setting<?>> byVariable = new LinkedHashMap<>();
    Settings.ALL.forEach(s -> byVariable.put(s.environmentVariable(), s));
    Map<Setting<?>, RawValue> values = new LinkedHashMap<>();
    // Sorted, so that with several bad variables the same one is reported every time.
    for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
      String name = variable.getKey();
      if (!name.startsWith(Setting.ENVIRONMENT_PREFIX)) {
        continue;
      }
      Setting<?> setting = byVariable.get(name);
      if (setting == null) {
        // Compared without the shared prefix, which would make every name look close.
        int prefix = Setting.ENVIRONMENT_PREFIX.length();
        List<String> known = byVariable.keySet().stream().map(v -> v.substring(prefix)).toList();
        throw new ConfigException(
            "unknown environment variable "
                + name
                + ClosestName.hint(name.substring(prefix), known, Setting.ENVIRONMENT_PREFIX, ""));
      }
      Origin origin = new Origin("environment variable " + name, workingDir);
      values.put(setting, new RawValue.Text(variable.getValue(), true, origin));
    }
    return values;
  }
}
