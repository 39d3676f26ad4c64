package io.workspacebackend.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Expands {@code $VAR}, {@code ${VAR}} and {@code $$} in values, and a leading {@code ~} in paths,
 * which it resolves against a base directory.
 */
final class VariableExpander {
  private final Map<String, String> environment;
  private final Path home;
  private final Path baseDir;

  VariableExpander(Map<String, String> environment, Path home, Path baseDir) {
    this.environment = Map.copyOf(environment);
    this.home = home;
    this.baseDir = baseDir;
  }

  /** The same expansion, with relative paths resolved against {@code dir}. */
  VariableExpander relativeTo(Path dir) {
    return new VariableExpander(environment, home, dir);
  }

  String text(String raw) throws InvalidValue {
    StringBuilder out = new StringBuilder(raw.length());
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      char next = i + 1 < raw.length() ? raw.charAt(i + 1) : 0;
      if (c != '$') {
        out.append(c);
        i++;
      } else if (next == '$') {
        out.append('$');
        i += 2;
      } else if (next == '{') {
        int close = raw.indexOf('}', i + 2);
        if (close < 0) {
          throw new InvalidValue("\"${\" without a closing \"}\"");
        }
        String name = raw.substring(i + 2, close);
        if (!isName(name)) {
          throw new InvalidValue("\"${" + name + "}\" is not a valid variable name");
        }
        out.append(lookup(name));
        i = close + 1;
      } else {
        int end = i + 1;
        while (end < raw.length() && isNameChar(raw.charAt(end), end == i + 1)) {
          end++;
        }
        // A "$" not followed by a name is kept, so values like "price$" need no escaping.
        out.append(end == i + 1 ? "$" : lookup(raw.substring(i + 1, end)));
        i = end;
      }
    }
    return out.toString();
  }

  /** The expanded, absolute path; empty if the value expands to nothing. */
  Optional<Path> path(String raw) throws InvalidValue {
    // Only a leading "~" means home, as in a shell; it is checked before variables are expanded.
    boolean fromHome = raw.equals("~") || raw.startsWith("~/") || raw.startsWith("~\\");
    String rest = text(fromHome ? raw.substring(1) : raw);
    if (!fromHome && rest.isEmpty()) {
      return Optional.empty();
    }
    try {
      Path path = fromHome ? home.resolve(stripLeadingSeparators(rest)) : Path.of(rest);
      return Optional.of(baseDir.resolve(path).normalize());
    } catch (InvalidPathException e) {
      throw new InvalidValue("not a valid path: " + e.getReason());
    }
  }

  /** A variable of the environment values expand from. */
  Optional<String> variable(String name) {
    return Optional.ofNullable(environment.get(name));
  }

  private String lookup(String name) throws InvalidValue {
    String value = environment.get(name);
    if (value == null) {
      throw new InvalidValue("environment variable " + name + " is not set");
    }
    return value;
  }

  private static String stripLeadingSeparators(String path) {
    int i = 0;
    while (i < path.length() && (path.charAt(i) == '/' || path.charAt(i) == '\\')) {
      i++;
    }
    return path.substring(i);
  }

  private static boolean isName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (!isNameChar(name.charAt(i), i == 0)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNameChar(char c, boolean first) {
    boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    return letter || (!first && c >= '0' && c <= '9');
  }
}
