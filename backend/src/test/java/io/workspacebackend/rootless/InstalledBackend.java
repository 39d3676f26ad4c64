package io.workspacebackend.rootless;

import io.workspacebackend.cli.Main;
import io.workspacebackend.image.ImageSources;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The backend laid out as {@code examples/rootless/workspace-backend.service} expects it under
 * {@code /opt/workspace-backend} ({@code bin/workspace-backend}, the launcher, and {@code
 * lib/workspace-backend.jar}), but in a directory of the account's own and from the code under
 * test: the jar is a manifest naming copies of this test's class path, since the account cannot
 * read root's Maven repository. Commands run as the account, with the unit's environment and this
 * installation's own configuration, data and state directories.
 */
final class InstalledBackend {
  /** Where the example unit installs the backend. */
  static final String UNIT_PREFIX = "/opt/workspace-backend";

  private static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();

  private final ServiceAccount account;
  private final Path root;
  private final Map<String, String> environment;

  private InstalledBackend(ServiceAccount account, Path root, Map<String, String> environment) {
    this.account = account;
    this.root = root;
    this.environment = environment;
  }

  /**
   * Installs into {@code directory} (then handed to the account), with the unit's {@code
   * Environment=} and {@code settings} as {@code WORKSPACE_BACKEND__…} variables.
   */
  static InstalledBackend install(
      ServiceAccount account, Path directory, UnitFile unit, Map<String, String> settings)
      throws IOException, InterruptedException {
    Path root = directory.resolve("opt");
    Path launcher = Files.createDirectories(root.resolve("bin")).resolve("workspace-backend");
    Files.copy(
        CHECKOUT.resolve("bin/workspace-backend"), launcher, StandardCopyOption.COPY_ATTRIBUTES);
    writeLauncherJar(Files.createDirectories(root.resolve("lib")));
    // As a packaged installation carries them: `image build` finds them through the launcher.
    ImageSources sources = new ImageSources(CHECKOUT);
    for (Path file : sources.inputFiles()) {
      Path copy = root.resolve(CHECKOUT.relativize(file).toString());
      Files.createDirectories(copy.getParent());
      Files.copy(file, copy);
    }
    Map<String, String> environment = new LinkedHashMap<>(account.environment());
    // systemd --user gives its services the user manager's environment: no JAVA_HOME unless set.
    environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
    environment.putAll(unit.environment("Service"));
    environment.put("XDG_CONFIG_HOME", directory.resolve("config").toString());
    environment.put("XDG_DATA_HOME", directory.resolve("data").toString());
    environment.put("XDG_STATE_HOME", directory.resolve("state").toString());
    settings.forEach(environment::put);
    HostCommand.run(List.of("chown", "-R", ServiceAccount.NAME + ":", directory.toString()));
    return new InstalledBackend(account, root, environment);
  }

  /** The unit's {@code ExecStart=}, with the unit's installation prefix pointing here. */
  List<String> execStart(UnitFile unit) throws IOException {
    String command = unit.single("Service", "ExecStart");
    if (!command.startsWith(UNIT_PREFIX + "/")) {
      throw new IOException("ExecStart does not start the installed launcher: " + command);
    }
    return Arrays.stream(command.replace(UNIT_PREFIX, root.toString()).split("\\s+")).toList();
  }

  /** Starts {@code command} (the unit's ExecStart) as the account. */
  AccountProcess start(List<String> command, Path log) throws IOException {
    return AccountProcess.start(account, command, environment, log);
  }

  /** Runs the launcher with {@code arguments} as the account and returns what it printed. */
  String run(String... arguments) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of(root.resolve("bin/workspace-backend").toString()));
    command.addAll(List.of(arguments));
    return HostCommand.run(account.as(command, environment));
  }

  Path dataDirectory() {
    return Path.of(environment.get("XDG_DATA_HOME"), "workspace-backend");
  }

  private static void writeLauncherJar(Path lib) throws IOException {
    Path copies = Files.createDirectories(lib.resolve("classpath"));
    List<String> entries = new ArrayList<>();
    int index = 0;
    for (String element : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path source = Path.of(element);
      if (!Files.exists(source) || element.contains("test-classes")) {
        continue;
      }
      String name = index + "-" + source.getFileName();
      index++;
      if (Files.isDirectory(source)) {
        copyTree(source, copies.resolve(name));
        entries.add("classpath/" + name + "/");
      } else {
        Files.copy(source, copies.resolve(name));
        entries.add("classpath/" + name);
      }
    }
    Manifest manifest = new Manifest();
    Attributes attributes = manifest.getMainAttributes();
    attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    attributes.put(Attributes.Name.MAIN_CLASS, Main.class.getName());
    attributes.put(Attributes.Name.CLASS_PATH, String.join(" ", entries));
    // As the real jar's manifest: sqlite-jdbc's native library without JDK 24+ warnings.
    attributes.put(new Attributes.Name("Enable-Native-Access"), "ALL-UNNAMED");
    try (OutputStream out = Files.newOutputStream(lib.resolve("workspace-backend.jar"));
        JarOutputStream jar = new JarOutputStream(out, manifest)) {
      // The manifest is the whole jar.
    }
  }

  private static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : paths.toList()) {
        Path copy = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
