package io.workspacebackend.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the sources' raw values into a {@link WorkspaceConfig}: parses every value of every layer,
 * lets later layers win, then fills in the defaults of keys no layer set.
 */
final class ConfigResolver {
  private final PlatformDirs dirs;
  private final VariableExpander expander;

  ConfigResolver(PlatformDirs dirs, VariableExpander expander) {
    this.dirs = dirs;
    this.expander = expander;
  }

  /** {@code layers} are in precedence order, lowest first. */
  WorkspaceConfig resolve(List<Map<Setting<?>, RawValue>> layers) throws ConfigException {
    Map<Setting<?>, Object> parsed = new HashMap<>();
    // Every layer is parsed, even where a later one wins, so a bad value is never silently hidden.
    for (Map<Setting<?>, RawValue> layer : layers) {
      for (Map.Entry<Setting<?>, RawValue> entry : layer.entrySet()) {
        parsed.put(entry.getKey(), parse(entry.getKey(), entry.getValue()));
      }
    }
    return Settings.assemble(new Values(parsed));
  }

  private Object parse(Setting<?> setting, RawValue raw) throws ConfigException {
    try {
      return setting.type().parse(raw, expander.relativeTo(raw.origin().baseDir()));
    } catch (InvalidValue e) {
      throw new ConfigException(
          raw.origin().description()
              + ": "
              + setting.name()
              + " = "
              + raw.display()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** Explicit values, with defaults computed on first use so derived ones see their inputs. */
  private final class Values implements SettingValues {
    private final Map<Setting<?>, Object> values;

    Values(Map<Setting<?>, Object> values) {
      this.values = values;
    }

    @Override
    @SuppressWarnings("unchecked") // Each value was produced by its own setting's type.
    public <T> T get(Setting<T> setting) {
      if (!values.containsKey(setting)) {
        values.put(setting, setting.defaultValue().valueFor(this));
      }
      return (T) values.get(setting);
    }

    @Override
    public PlatformDirs dirs() {
      return dirs;
    }
  }
}
