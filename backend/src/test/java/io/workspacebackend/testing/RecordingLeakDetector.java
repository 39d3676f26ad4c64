package io.workspacebackend.testing;

import io.netty.util.ResourceLeakDetector;

/**
 * Netty's leak detector for the tests: installed with {@code -Dio.netty.customResourceLeakDetector}
 * (backend/pom.xml), it hands every leak it finds to {@link NettyLeaks}, which fails the test
 * class, as well as logging it as Netty does.
 */
public final class RecordingLeakDetector<T> extends ResourceLeakDetector<T> {

  /** The constructor Netty's factory calls for each resource type. */
  public RecordingLeakDetector(Class<?> resourceType, int samplingInterval) {
    super(resourceType, samplingInterval);
  }

  /**
   * The constructor Netty's factory looks for first (logging an error when it is missing); Netty
   * ignores {@code maxActive}.
   */
  public RecordingLeakDetector(Class<?> resourceType, int samplingInterval, long maxActive) {
    this(resourceType, samplingInterval);
  }

  /** Always: a leak must be recorded even where logging leaves Netty's logger off. */
  @Override
  protected boolean needReport() {
    return true;
  }

  @Override
  protected void reportTracedLeak(String resourceType, String records) {
    if (NettyLeaks.recorded(resourceType, records)) {
      super.reportTracedLeak(resourceType, records);
    }
  }

  @Override
  protected void reportUntracedLeak(String resourceType) {
    if (NettyLeaks.recorded(resourceType, "")) {
      super.reportUntracedLeak(resourceType);
    }
  }
}
