package io.workspacebackend.testing;

import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The leaks Netty's detector ({@link RecordingLeakDetector}) has found in this JVM, and the means
 * to make it look now. Netty sees a leak only once the collector has cleared the leaked buffer and
 * a later allocation polls for it, so {@link #reportNow()} collects garbage and allocates until a
 * buffer leaked on purpose (a canary) has been reported: then the detector works, and has polled.
 */
public final class NettyLeaks {
  private static final String CANARY = "leak canary #";
  private static final String CANARY_HINT = "Hint: " + CANARY;
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private static final Queue<Leak> found = new ConcurrentLinkedQueue<>();
  private static final Set<String> canariesReported = ConcurrentHashMap.newKeySet();
  private static long canaries;
  private static String broken;

  private NettyLeaks() {}

  /** One leak as Netty reports it: the resource's type and its access records (may be empty). */
  public record Leak(String resourceType, String records) {
    @Override
    public String toString() {
      return "LEAK: "
          + resourceType
          + ".release() was not called before it was garbage-collected."
          + (records.isEmpty() ? " (no access records)" : records);
    }
  }

  /**
   * Makes Netty's detector report every leaked buffer that was unreachable when this was called,
   * and returns the leaks reported since the last call. Fails when the detector cannot be shown to
   * work (not installed, or leak detection not paranoid): a check that cannot fail would pass
   * anything.
   */
  public static synchronized List<Leak> reportNow() {
    if (broken != null) {
      throw new IllegalStateException(broken);
    }
    if (ResourceLeakDetector.getLevel() != ResourceLeakDetector.Level.PARANOID) {
      broken =
          "Netty's leak detection is "
              + ResourceLeakDetector.getLevel()
              + ", which samples buffers and misses leaks: run the tests with"
              + " -Dio.netty.leakDetection.level=paranoid (backend/pom.xml)";
      throw new IllegalStateException(broken);
    }
    // Two canaries: the JDK's reference handler queues the references one collection cleared as
    // one batch, and a later batch only after it. The first canary reported means its batch (all
    // that was unreachable at the first collection) is being queued; the second, that it has been
    // queued whole, and the poll that found the second canary took everything queued before it.
    awaitCanary();
    awaitCanary();
    List<Leak> leaks = new ArrayList<>();
    for (Leak leak = found.poll(); leak != null; leak = found.poll()) {
      leaks.add(leak);
    }
    return leaks;
  }

  private static void awaitCanary() {
    String hint = CANARY + ++canaries;
    leak(hint);
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!canariesReported.remove(hint)) {
      if (System.nanoTime() - deadline > 0) {
        broken =
            "Netty's leak detector did not report a buffer leaked on purpose ("
                + hint
                + ") within "
                + PATIENCE.toSeconds()
                + " s, so it would miss real leaks too: run the tests with"
                + " -Dio.netty.customResourceLeakDetector="
                + RecordingLeakDetector.class.getName()
                + " (backend/pom.xml)";
        throw new IllegalStateException(broken);
      }
      System.gc();
      // Netty polls for cleared buffers whenever it starts tracking a new one.
      UnpooledByteBufAllocator.DEFAULT.directBuffer(1).release();
    }
  }

  /**
   * A direct buffer dropped without release. Not from a pool: a pooled buffer object is reused
   * after its release, and a stale reference to it (a released buffer still in a variable) would
   * keep the canary reachable.
   */
  private static void leak(String hint) {
    UnpooledByteBufAllocator.DEFAULT.directBuffer(1).touch(hint);
  }

  /**
   * Records a leak the detector found; false for a canary, which is no real leak and so is not
   * logged.
   */
  static boolean recorded(String resourceType, String records) {
    int canary = records.indexOf(CANARY_HINT);
    if (canary >= 0) {
      int start = canary + "Hint: ".length();
      int end = records.indexOf('\n', start);
      canariesReported.add(records.substring(start, end < 0 ? records.length() : end));
      return false;
    }
    found.add(new Leak(resourceType, records));
    return true;
  }
}
