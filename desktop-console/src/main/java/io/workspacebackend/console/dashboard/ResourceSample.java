package io.workspacebackend.console.dashboard;

import java.time.Instant;

/**
 * The host's sessions' use at one moment: the sum over its running sessions.
 *
 * @param cpuPercent percent of one CPU, so four busy CPUs make 400
 * @param sessions how many running sessions answered
 */
public record ResourceSample(Instant at, double cpuPercent, long memoryBytes, int sessions) {}
