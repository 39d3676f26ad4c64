package io.workspacebackend.model.session;

/** One resource sample of a running session's container; CPU is percent of one CPU. */
public record SessionStats(double cpuPercent, long memoryBytes, long memoryLimitBytes, long pids) {}
