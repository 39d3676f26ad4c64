package io.workspacebackend.rootless;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real non-root account on this machine, set up for rootless Podman as README's "Rootless Podman"
 * says (an account of its own with subordinate ids, its runtime directory, overlay storage).
 * Preparing it again finds it ready and changes nothing.
 */
final class ServiceAccount {
  /** Ours alone, so that no test touches a real installation's account. */
  static final String NAME = "wb-rootless";

  private final int uid;
  private final int gid;
  private final Path home;

  private ServiceAccount(int uid, int gid, Path home) {
    this.uid = uid;
    this.gid = gid;
    this.home = home;
  }

  /** The account, made if missing (run as root). */
  static ServiceAccount prepare() throws IOException, InterruptedException {
    if (HostCommand.status(List.of("id", "-u", NAME)) != 0) {
      // useradd gives a new account its /etc/subuid and /etc/subgid ranges.
      HostCommand.run(List.of("useradd", "--create-home", "--shell", "/bin/bash", NAME));
    }
    ServiceAccount account =
        new ServiceAccount(
            Integer.parseInt(HostCommand.run(List.of("id", "-u", NAME)).strip()),
            Integer.parseInt(HostCommand.run(List.of("id", "-g", NAME)).strip()),
            Path.of(HostCommand.run(List.of("getent", "passwd", NAME)).strip().split(":")[5]));
    account.makeRuntimeDirectory();
    account.chooseOverlayStorage();
    return account;
  }

  int uid() {
    return uid;
  }

  Path home() {
    return home;
  }

  /**
   * {@code /run/user/<uid>}, which a login (or systemd's lingering) would make: the account's own,
   * mode 0700, with the {@code podman} folder the service does not make itself.
   */
  Path runtimeDirectory() {
    return Path.of("/run/user", Integer.toString(uid));
  }

  /** The environment a login would give: no variable of the test's own leaks into it. */
  Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("HOME", home.toString());
    environment.put("USER", NAME);
    environment.put("LOGNAME", NAME);
    environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    environment.put("XDG_RUNTIME_DIR", runtimeDirectory().toString());
    return environment;
  }

  /**
   * {@code command} as this account, with exactly {@code environment}, from {@code /} (conmon drops
   * files into its starter's working directory).
   */
  ProcessBuilder as(List<String> command, Map<String, String> environment) {
    List<String> full = new ArrayList<>(List.of("runuser", "-u", NAME, "--", "env", "-i"));
    environment.forEach((name, value) -> full.add(name + "=" + value));
    full.addAll(command);
    return new ProcessBuilder(full).directory(Path.of("/").toFile());
  }

  /** Hands {@code path} (and, for a directory, nothing below it) to this account. */
  void own(Path path) throws IOException {
    Files.setAttribute(path, "unix:uid", uid);
    Files.setAttribute(path, "unix:gid", gid);
  }

  private void makeRuntimeDirectory() throws IOException {
    Path podman = Files.createDirectories(runtimeDirectory().resolve("podman"));
    own(runtimeDirectory());
    own(podman);
    Files.setPosixFilePermissions(runtimeDirectory(), PosixFilePermissions.fromString("rwx------"));
  }

  /**
   * Podman 4.3 picks the vfs driver for a new account here, which copies the whole image per layer
   * and per container (3 GB and a minute to load the session image, against 0.6 GB and 18 s with
   * overlay). The choice is fixed by the first podman command, so it is made before any.
   */
  private void chooseOverlayStorage() throws IOException {
    Path file = home.resolve(".config/containers/storage.conf");
    if (Files.exists(file)) {
      return;
    }
    for (Path directory = file.getParent(); !directory.equals(home); ) {
      Files.createDirectories(directory);
      own(directory);
      directory = directory.getParent();
    }
    Files.writeString(file, "[storage]\ndriver = \"overlay\"\n", StandardCharsets.UTF_8);
    own(file);
  }
}
