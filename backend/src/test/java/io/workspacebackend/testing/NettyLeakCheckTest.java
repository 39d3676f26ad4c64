package io.workspacebackend.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class NettyLeakCheckTest {

  @Test
  void aBufferDroppedWithoutReleaseIsReportedWithItsRecords() {
    String hint = "dropped " + UUID.randomUUID();
    drop(hint);

    assertThat(NettyLeaks.reportNow())
        .anySatisfy(leak -> assertThat(leak.records()).contains(hint));
  }

  @Test
  void aReleasedBufferIsNotReported() {
    String hint = "released " + UUID.randomUUID();
    ByteBuf buffer = ByteBufAllocator.DEFAULT.directBuffer(16).touch(hint);
    buffer.writeLong(42);
    buffer.release();

    assertThat(NettyLeaks.reportNow())
        .noneSatisfy(leak -> assertThat(leak.records()).contains(hint));
  }

  @Test
  void aTestClassThatLeaksABufferFailsNamingTheLeak() {
    // Run as surefire runs every class here: with this module's junit-platform.properties.
    Events classes = run(ClassThatLeaks.class);

    classes
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                container(ClassThatLeaks.class),
                finishedWithFailure(
                    instanceOf(AssertionError.class),
                    message(text -> text.contains(ClassThatLeaks.HINT)),
                    message(text -> text.contains(ClassThatLeaks.class.getName())))));
  }

  @Test
  void aTestClassThatReleasesItsBuffersPasses() {
    Events classes = run(ClassThatReleases.class);

    classes
        .assertThatEvents()
        .haveExactly(1, event(container(ClassThatReleases.class), finishedSuccessfully()));
  }

  private static Events run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter")
        .enableImplicitConfigurationParameters(true)
        .selectors(selectClass(testClass))
        .execute()
        .containerEvents();
  }

  private static void drop(String hint) {
    ByteBufAllocator.DEFAULT.directBuffer(16).touch(hint).writeLong(42);
  }

  /** Run only through {@link #run}: surefire skips nested classes. */
  static class ClassThatLeaks {
    static final String HINT = "left unreleased by " + UUID.randomUUID();

    @Test
    void dropsABuffer() {
      drop(HINT);
    }
  }

  /** Run only through {@link #run}. */
  static class ClassThatReleases {
    @Test
    void releasesItsBuffer() {
      ByteBuf buffer = ByteBufAllocator.DEFAULT.directBuffer(16);
      buffer.writeLong(42);
      buffer.release();
    }
  }
}
