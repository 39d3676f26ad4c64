package io.workspacebackend.container;

import java.util.Map;

/** A container as listing shows it: enough to adopt it or clean it up. */
public record ContainerSummary(
    String id, String name, String image, String state, Map<String, String> labels) {

  public ContainerSummary {
    labels = Map.copyOf(labels);
  }

  /** Whether the container's processes are running ({@code state} is engine wording). */
  public boolean running() {
    return "running".equals(state);
  }
}
