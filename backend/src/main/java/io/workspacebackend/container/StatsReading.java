package io.workspacebackend.container;

import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.StatsConfig;
import java.util.Optional;

/**
 * Turns one frame of the engine's stats stream into {@link ContainerStats}, the way {@code docker
 * stats} computes it: CPU from the difference to the previous sample, memory without inactive page
 * cache.
 */
final class StatsReading {
  private StatsReading() {}

  /** The sample from one frame and the previous sample it carries; empty if it carries none. */
  static Optional<ContainerStats> from(Statistics frame) {
    return compute(frame.getCpuStats(), frame.getPreCpuStats(), frame);
  }

  /** The sample from two frames taken one after the other; empty if no time passed between. */
  static Optional<ContainerStats> between(Statistics earlier, Statistics later) {
    return compute(later.getCpuStats(), earlier.getCpuStats(), later);
  }

  private static Optional<ContainerStats> compute(
      CpuStatsConfig cpu, CpuStatsConfig previous, Statistics frame) {
    if (cpu == null || previous == null || cpu.getCpuUsage() == null) {
      return Optional.empty();
    }
    long system = orZero(cpu.getSystemCpuUsage());
    long previousSystem = orZero(previous.getSystemCpuUsage());
    if (previousSystem == 0 || system <= previousSystem) {
      return Optional.empty();
    }
    long total = orZero(cpu.getCpuUsage().getTotalUsage());
    long previousTotal =
        previous.getCpuUsage() == null ? 0 : orZero(previous.getCpuUsage().getTotalUsage());
    double cpuPercent =
        Math.max(0, total - previousTotal) * 100.0 * onlineCpus(cpu) / (system - previousSystem);

    MemoryStatsConfig memory = frame.getMemoryStats();
    long usage = memory == null ? 0 : orZero(memory.getUsage());
    long limit = memory == null ? 0 : orZero(memory.getLimit());
    long pids = frame.getPidsStats() == null ? 0 : orZero(frame.getPidsStats().getCurrent());
    return Optional.of(
        new ContainerStats(cpuPercent, Math.max(0, usage - inactiveFile(memory)), limit, pids));
  }

  private static long onlineCpus(CpuStatsConfig cpu) {
    if (cpu.getOnlineCpus() != null && cpu.getOnlineCpus() > 0) {
      return cpu.getOnlineCpus();
    }
    return cpu.getCpuUsage().getPercpuUsage() == null
        ? 1
        : Math.max(1, cpu.getCpuUsage().getPercpuUsage().size());
  }

  /** cgroup v1 reports {@code total_inactive_file}, v2 {@code inactive_file}; Podman neither. */
  private static long inactiveFile(MemoryStatsConfig memory) {
    StatsConfig stats = memory == null ? null : memory.getStats();
    if (stats == null) {
      return 0;
    }
    if (stats.getTotalInactiveFile() != null) {
      return stats.getTotalInactiveFile();
    }
    return orZero(stats.getInactiveFile());
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}
