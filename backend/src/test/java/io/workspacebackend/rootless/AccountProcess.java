package io.workspacebackend.rootless;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A long-running program started as the {@link ServiceAccount}, its output in a log file, stopped
 * by its own process id: runuser's child, since {@code env} replaces itself with the program.
 */
final class AccountProcess implements AutoCloseable {
  private final Process runuser;
  private final Path log;

  private AccountProcess(Process runuser, Path log) {
    this.runuser = runuser;
    this.log = log;
  }

  static AccountProcess start(
      ServiceAccount account, List<String> command, Map<String, String> environment, Path log)
      throws IOException {
    Process runuser =
        account
            .as(command, environment)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    runuser.getOutputStream().close();
    return new AccountProcess(runuser, log);
  }

  boolean isAlive() {
    return runuser.isAlive();
  }

  /** What the program printed so far, for failure messages. */
  String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(its log is unreadable: " + e.getMessage() + ")";
    }
  }

  /** Asks the program to stop (SIGTERM), as systemd would, and waits for it. */
  @Override
  public void close() throws InterruptedException {
    runuser.toHandle().children().forEach(ProcessHandle::destroy);
    if (!runuser.waitFor(30, TimeUnit.SECONDS)) {
      runuser.toHandle().children().forEach(ProcessHandle::destroyForcibly);
      runuser.destroyForcibly();
      runuser.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
