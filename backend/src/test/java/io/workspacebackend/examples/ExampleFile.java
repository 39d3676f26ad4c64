package io.workspacebackend.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file from the checkout's {@code examples/} directory, with the parts that belong to a real
 * machine (ports, certificate paths) replaced for a test. Each replacement must find its text, so
 * an example that changes shape fails its test instead of being tested half-way.
 */
final class ExampleFile {
  static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  private final String name;
  private String text;

  private ExampleFile(String name, String text) {
    this.name = name;
    this.text = text;
  }

  static ExampleFile read(String name) throws IOException {
    return new ExampleFile(name, Files.readString(EXAMPLES.resolve(name), StandardCharsets.UTF_8));
  }

  /** Replaces every occurrence of {@code original}, which must occur at least once. */
  ExampleFile replace(String original, String replacement) {
    if (!text.contains(original)) {
      throw new AssertionError("examples/" + name + " no longer contains: " + original);
    }
    text = text.replace(original, replacement);
    return this;
  }

  /** Replaces every match of the multi-line {@code regex}, which must match at least once. */
  ExampleFile replaceLines(String regex, String replacement) {
    String replaced = text.replaceAll("(?m)" + regex, replacement);
    if (replaced.equals(text)) {
      throw new AssertionError("examples/" + name + " has no line matching: " + regex);
    }
    text = replaced;
    return this;
  }

  Path writeTo(Path file) throws IOException {
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
