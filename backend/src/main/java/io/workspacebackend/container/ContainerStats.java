package io.workspacebackend.container;

/**
 * One resource sample. {@code cpuPercent} is of one CPU, so a container busy on two CPUs shows 200,
 * as {@code docker stats} does; memory excludes the reclaimable page cache.
 */
public record ContainerStats(
    double cpuPercent, long memoryBytes, long memoryLimitBytes, long pids) {}
