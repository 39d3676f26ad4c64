package io.workspacebackend.processguard;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps a session's services alive when something else in its container forks without end (a fork
 * bomb in the terminal). The container's pids limit stops such a thing, but only after it has taken
 * every pid, and opencode aborts when it cannot start a thread. So every other process has a
 * smaller budget: when the container comes within {@code reserve} pids of its limit, the guard
 * kills the largest process session other than the services' own (each terminal is a session of its
 * own, and what it starts stays in it), pass after pass until that session is empty.
 *
 * <p>It runs on one thread of its own, made at start: at the moment it acts, no new thread or
 * process could be made. It polls the cgroup's count (one small file) every {@link #POLL_NANOS}.
 */
public final class ProcessGuard implements Runnable {
  static final long POLL_NANOS = 5_000_000;
  private static final Path PROC = Path.of("/proc");
  private static final int MAX_PASSES = 1_000;

  private final PidsCgroup pids;
  private final long reserve;
  private final long protectedSession;

  ProcessGuard(PidsCgroup pids, long reserve, long protectedSession) {
    this.pids = pids;
    this.reserve = reserve;
    this.protectedSession = protectedSession;
  }

  /**
   * Starts guarding on a daemon thread, protecting this process's session (the services'), if the
   * container has a pids limit; says on stderr what it does.
   */
  public static void startInBackground() {
    Optional<PidsCgroup> cgroup = PidsCgroup.find();
    OptionalLong session = ownSession();
    if (cgroup.isEmpty() || session.isEmpty()) {
      System.err.println("guard: no pids limit to guard; not running");
      return;
    }
    long reserve = reserveFor(cgroup.get().max());
    Thread thread =
        new Thread(new ProcessGuard(cgroup.get(), reserve, session.getAsLong()), "process-guard");
    thread.setDaemon(true);
    thread.start();
    System.err.println(
        "guard: keeping "
            + reserve
            + " of the container's "
            + cgroup.get().max()
            + " pids for its services");
  }

  /** A quarter of the limit, at least 32: room for the services' threads and their tools. */
  static long reserveFor(long max) {
    return Math.min(max - 1, Math.max(32, max / 4));
  }

  @Override
  public void run() {
    while (!Thread.currentThread().isInterrupted()) {
      if (pids.current() >= pids.max() - reserve) {
        relieve();
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }

  /** Kills the largest unprotected session, repeatedly, until it has no process left. */
  private void relieve() {
    long before = pids.current();
    Optional<Long> victim = largestSession(scan(), protectedSession);
    if (victim.isEmpty()) {
      return;
    }
    int killed = 0;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      List<Long> members = membersOf(victim.get());
      if (members.isEmpty()) {
        break;
      }
      for (long pid : members) {
        if (ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false)) {
          killed++;
        }
      }
    }
    System.err.println(
        "guard: the container reached "
            + before
            + " of its "
            + pids.max()
            + " pids; killed process session "
            + victim.get()
            + " ("
            + killed
            + " kills) to keep the services running");
  }

  /** The session, other than the protected one, with the most processes. */
  static Optional<Long> largestSession(List<ProcessStat> processes, long protectedSession) {
    Map<Long, Integer> counts = new HashMap<>();
    for (ProcessStat process : processes) {
      // Session 0: kernel threads and processes from outside the container's namespace.
      if (process.session() != protectedSession && process.session() != 0) {
        counts.merge(process.session(), 1, Integer::sum);
      }
    }
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
  }

  private List<Long> membersOf(long session) {
    List<Long> members = new ArrayList<>();
    for (ProcessStat process : scan()) {
      if (process.session() == session) {
        members.add(process.pid());
      }
    }
    return members;
  }

  private static List<ProcessStat> scan() {
    List<ProcessStat> processes = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path entry : entries) {
        stat(entry).ifPresent(processes::add);
      }
    } catch (IOException e) {
      // /proc always lists; an error here leaves this pass with what it found.
    }
    return processes;
  }

  private static Optional<ProcessStat> stat(Path processDirectory) {
    try {
      return ProcessStat.parse(Files.readString(processDirectory.resolve("stat")));
    } catch (IOException e) {
      // The process ended between listing and reading.
      return Optional.empty();
    }
  }

  private static OptionalLong ownSession() {
    return stat(PROC.resolve("self"))
        .map(stat -> OptionalLong.of(stat.session()))
        .orElse(OptionalLong.empty());
  }
}
