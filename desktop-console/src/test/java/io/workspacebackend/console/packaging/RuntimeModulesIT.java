package io.workspacebackend.console.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app image's trimmed Java runtime has every module its classes use. It once lacked {@code
 * jdk.security.auth}, and creating a session failed with {@code NoClassDefFoundError}. jdeps
 * derives the modules from every jar the image carries, read as the launcher loads them: from the
 * class path, so their module descriptors are dropped first (as named modules, two Bouncy Castle
 * jars of different versions would refuse to share a package).
 */
@Timeout(600)
class RuntimeModulesIT {
  @TempDir Path copies;

  @Test
  void theRuntimeHasEveryModuleTheApplicationsClassesUse() throws IOException {
    Path image = Path.of(System.getProperty("console.launcher")).getParent().getParent();
    List<Path> jars = classPathCopies(image.resolve("lib/app"));

    Set<String> derived = jdepsModules(jars);
    Set<String> shipped = runtimeModules(image.resolve("lib/runtime/release"));

    assertThat(derived).as("jdeps's answer").contains("java.base", "jdk.security.auth");
    assertThat(shipped)
        .as("modules in the runtime; add the missing ones to jpackage's --add-modules")
        .containsAll(derived);
  }

  /** Copies of the image's jars without module descriptors, as the class path sees them. */
  private List<Path> classPathCopies(Path appDirectory) throws IOException {
    List<Path> jars = new ArrayList<>();
    try (Stream<Path> files = Files.list(appDirectory)) {
      for (Path jar : files.filter(file -> file.toString().endsWith(".jar")).sorted().toList()) {
        Path copy = Files.copy(jar, copies.resolve(jar.getFileName()));
        dropModuleDescriptors(copy);
        jars.add(copy);
      }
    }
    return jars;
  }

  private static void dropModuleDescriptors(Path jar) throws IOException {
    try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
      List<Path> descriptors;
      try (Stream<Path> entries = Files.walk(zip.getPath("/"))) {
        descriptors =
            entries
                .filter(entry -> entry.getFileName() != null)
                .filter(entry -> entry.getFileName().toString().equals("module-info.class"))
                .toList();
      }
      for (Path descriptor : descriptors) {
        Files.delete(descriptor);
      }
    }
  }

  private static Set<String> jdepsModules(List<Path> jars) {
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
    List<String> arguments = new ArrayList<>();
    arguments.addAll(
        List.of("--print-module-deps", "--ignore-missing-deps", "--multi-release", "17"));
    arguments.add("--class-path");
    arguments.add(jars.stream().map(Path::toString).collect(Collectors.joining(":")));
    jars.forEach(jar -> arguments.add(jar.toString()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        jdeps.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            arguments.toArray(String[]::new));
    String output = out.toString(StandardCharsets.UTF_8).strip();
    assertThat(exit).as("jdeps: %s%s", output, err.toString(StandardCharsets.UTF_8)).isZero();
    return new TreeSet<>(
        Arrays.asList(output.lines().reduce((first, last) -> last).orElseThrow().split(",")));
  }

  /** The modules jlink put in the runtime, from its {@code release} file's MODULES line. */
  private static Set<String> runtimeModules(Path release) throws IOException {
    String modules =
        Files.readAllLines(release).stream()
            .filter(line -> line.startsWith("MODULES="))
            .findFirst()
            .orElseThrow();
    return new TreeSet<>(
        Arrays.asList(modules.substring("MODULES=".length()).replace("\"", "").split(" ")));
  }
}
