package io.workspacebackend.testing;

import io.workspacebackend.testing.NettyLeaks.Leak;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class after which Netty reports a leaked buffer, naming the leak's records.
 * Registered for every test class of this module by auto-detection
 * (src/test/resources/junit-platform.properties); it runs after the class's own extensions, so
 * after its backend has stopped.
 */
public final class NettyLeakCheck implements AfterAllCallback {

  @Override
  public void afterAll(ExtensionContext context) {
    List<Leak> leaks = NettyLeaks.reportNow();
    if (!leaks.isEmpty()) {
      // A buffer is found leaked once it is garbage: most likely in this class, possibly in one
      // that ran before it and left it referenced.
      throw new AssertionError(
          leaks.size()
              + " Netty buffer leak(s) found after "
              + context.getRequiredTestClass().getName()
              + ":\n"
              + leaks.stream().map(Leak::toString).collect(Collectors.joining("\n\n")));
    }
  }
}
