package io.workspacebackend.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;

/** Reads config.toml into raw values, rejecting syntax errors and unknown sections and keys. */
final class TomlSource {
  private static final TomlMapper MAPPER = new TomlMapper();

  private TomlSource() {}

  static Map<Setting<?>, RawValue> read(Path file) throws ConfigException {
    JsonNode root = parse(file);
    Origin origin = new Origin(file.toString(), file.toAbsolutePath().getParent());
    Map<Setting<?>, RawValue> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : root.properties()) {
      Section section = section(file, entry.getKey(), entry.getValue());
      for (Map.Entry<String, JsonNode> keyValue : entry.getValue().properties()) {
        Setting<?> setting = setting(file, section, keyValue.getKey());
        values.put(setting, rawValue(file, setting, keyValue.getValue(), origin));
      }
    }
    return values;
  }

  private static JsonNode parse(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + reason(e), e);
    }
    try {
      return MAPPER.readTree(text);
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
      String problem = e.getOriginalMessage().lines().findFirst().orElse("invalid TOML");
      throw new ConfigException(file + where + ": " + lowerFirst(problem), e);
    }
  }

  private static Section section(Path file, String name, JsonNode value) throws ConfigException {
    Optional<Section> section =
        Arrays.stream(Section.values()).filter(s -> s.key().equals(name)).findFirst();
    if (section.isPresent() && value.isObject()) {
      return section.get();
    }
    if (section.isPresent()) {
      throw new ConfigException(file + ": \"" + name + "\" must be a section, [" + name + "]");
    }
    Optional<Setting<?>> misplaced =
        Settings.ALL.stream().filter(s -> s.key().equals(name)).findFirst();
    if (!value.isObject() && misplaced.isPresent()) {
      throw new ConfigException(
          file
              + ": key \""
              + name
              + "\" is outside any section (it belongs in ["
              + misplaced.get().section().key()
              + "])");
    }
    List<String> names = Arrays.stream(Section.values()).map(Section::key).toList();
    throw new ConfigException(
        file + ": unknown section [" + name + "]" + ClosestName.hint(name, names, "[", "]"));
  }

  private static Setting<?> setting(Path file, Section section, String key) throws ConfigException {
    List<Setting<?>> known = Settings.in(section);
    for (Setting<?> setting : known) {
      if (setting.key().equals(key)) {
        return setting;
      }
    }
    List<String> keys = known.stream().map(Setting::key).toList();
    String hint = ClosestName.hint(key, keys, "\"", "\"");
    throw new ConfigException(
        file
            + ": unknown key \""
            + key
            + "\" in ["
            + section.key()
            + "]"
            + (hint.isEmpty() ? " (known keys: " + String.join(", ", keys) + ")" : hint));
  }

  private static RawValue rawValue(Path file, Setting<?> setting, JsonNode value, Origin origin)
      throws ConfigException {
    if (value.isObject()) {
      throw new ConfigException(file + ": " + setting.name() + " must be a value, not a table");
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      for (JsonNode item : value.values()) {
        items.add(item.isValueNode() ? item.asString() : item.toString());
      }
      return new RawValue.Items(items, origin);
    }
    return new RawValue.Text(value.asString(), value.isString(), origin);
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    } else if (e instanceof AccessDeniedException) {
      return "permission denied";
    } else if (e instanceof CharacterCodingException) {
      return "not UTF-8 text";
    }
    return e.getMessage();
  }

  private static String lowerFirst(String text) {
    return text.isEmpty()
        ? text
        : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
  }
}
