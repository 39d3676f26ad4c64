package io.workspacebackend.console.packaging;

import io.workspacebackend.console.packaging.driver.JourneyDriver;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A copy of the app image whose launcher starts {@link JourneyDriver} instead of the console: the
 * same launcher binary, runtime and jars (hard links, so the copy is instant), plus a small jar
 * with the driver, named in the launcher's {@code lib/app/*.cfg}. The driver then starts the real
 * console's main class itself.
 */
final class DriverImage {
  private static final String DRIVER_JAR = "journey-driver.jar";

  private DriverImage() {}

  /**
   * Copies {@code image} to {@code copy} and returns the copy's launcher, which also gives the JVM
   * {@code javaOptions}.
   */
  static Path copy(Path image, Path copy, Path userHome, List<String> javaOptions)
      throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.walk(image)) {
      for (Path source : files.toList()) {
        Path target = copy.resolve(image.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else if (!isLauncherConfig(image, source)) {
          link(source, target);
        }
      }
    }
    Path appDirectory = copy.resolve("lib/app");
    writeDriverJar(appDirectory.resolve(DRIVER_JAR));
    try (Stream<Path> configs = Files.list(image.resolve("lib/app"))) {
      for (Path config : configs.filter(file -> isLauncherConfig(image, file)).toList()) {
        Files.write(
            appDirectory.resolve(config.getFileName()),
            driverConfig(Files.readAllLines(config), userHome, javaOptions));
      }
    }
    try (Stream<Path> launchers = Files.list(copy.resolve("bin"))) {
      return launchers.findFirst().orElseThrow();
    }
  }

  private static boolean isLauncherConfig(Path image, Path file) {
    return file.getParent().equals(image.resolve("lib/app")) && file.toString().endsWith(".cfg");
  }

  private static void link(Path source, Path target) throws IOException {
    try {
      Files.createLink(target, source);
    } catch (FileSystemException | UnsupportedOperationException otherFileSystem) {
      Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  /**
   * The launcher's configuration with the driver as main class and on the class path, and the JVM's
   * home (where Java keeps user preferences) in the test's directory, and {@code javaOptions}.
   */
  private static List<String> driverConfig(
      List<String> lines, Path userHome, List<String> javaOptions) {
    List<String> config = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("app.mainclass=")) {
        config.add("app.mainclass=" + JourneyDriver.class.getName());
        config.add("app.classpath=$APPDIR/" + DRIVER_JAR);
      } else {
        config.add(line);
      }
      if (line.equals("[JavaOptions]")) {
        config.add("java-options=-Duser.home=" + userHome);
        javaOptions.forEach(option -> config.add("java-options=" + option));
      }
    }
    return config;
  }

  /** The driver's classes, from the test classes directory, as a jar. */
  private static void writeDriverJar(Path jar) throws IOException, URISyntaxException {
    Path classes =
        Path.of(JourneyDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String packagePath = JourneyDriver.class.getPackageName().replace('.', '/');
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file);
        Stream<Path> driverClasses = Files.list(classes.resolve(packagePath))) {
      for (Path classFile : driverClasses.toList()) {
        out.putNextEntry(new JarEntry(packagePath + "/" + classFile.getFileName()));
        Files.copy(classFile, out);
        out.closeEntry();
      }
    }
  }
}
