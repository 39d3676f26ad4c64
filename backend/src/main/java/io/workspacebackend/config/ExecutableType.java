package io.workspacebackend.config;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A program: a name found on the {@code PATH}, or the path of an executable file (it contains a
 * separator or starts with {@code ~}); empty means not set. Checked when the configuration loads,
 * so a typo is a configuration error naming the key instead of a failed engine search later.
 */
final class ExecutableType {
  private ExecutableType() {}

  static ValueType<Optional<String>> optional() {
    return new ScalarType<>(
        "a program on the PATH or the path of an executable file, or \"\"",
        (text, expander) -> Optional.of(parse(expander.text(text).strip(), text, expander)),
        value -> TomlText.quote(value.orElse("")));
  }

  private static Optional<String> parse(String expanded, String raw, VariableExpander expander)
      throws InvalidValue {
    if (expanded.isEmpty()) {
      return Optional.empty();
    }
    if (raw.strip().startsWith("~") || expanded.contains("/") || expanded.contains("\\")) {
      Path file = expander.path(raw.strip()).orElseThrow();
      if (!isExecutableFile(file)) {
        throw new InvalidValue("there is no executable file at " + file);
      }
      return Optional.of(file.toString());
    }
    if (onPath(expanded, expander.variable("PATH").orElse("")).isEmpty()) {
      throw new InvalidValue(
          "no program \"" + expanded + "\" on the PATH; give its full path or install it");
    }
    return Optional.of(expanded);
  }

  private static Optional<Path> onPath(String name, String searchPath) {
    for (String directory : searchPath.split(File.pathSeparator)) {
      if (directory.isEmpty()) {
        continue;
      }
      try {
        for (String candidate : new String[] {name, name + ".exe"}) {
          Path file = Path.of(directory, candidate);
          if (isExecutableFile(file)) {
            return Optional.of(file);
          }
        }
      } catch (InvalidPathException e) {
        // A PATH entry that is no valid path holds no program.
      }
    }
    return Optional.empty();
  }

  private static boolean isExecutableFile(Path file) {
    return Files.isRegularFile(file) && Files.isExecutable(file);
  }
}
