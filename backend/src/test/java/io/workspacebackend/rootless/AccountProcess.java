package io.workspacebackend.rootless;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A long-running program started as the {@link ServiceAccount}, its output in a log file, stopped
 * by the ids of the processes it is: runuser's child ({@code env} replaces itself with the program)
 * and whatever that started and still waits for, such as the copy of itself a rootless {@code
 * podman} runs inside its user namespace.
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
    close(() -> true);
  }

  /**
   * As {@link #close()}, and waits until {@code stopped} holds too; what still runs after 30 s is
   * killed.
   */
  void close(BooleanSupplier stopped) throws InterruptedException {
    List<ProcessHandle> program = runuser.toHandle().descendants().toList();
    program.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    boolean exited = runuser.waitFor(30, TimeUnit.SECONDS);
    while (!stopped.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    if (!exited || !stopped.getAsBoolean()) {
      program.forEach(ProcessHandle::destroyForcibly);
      runuser.destroyForcibly();
      runuser.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
