package io.workspacebackend.console.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import io.workspacebackend.console.testing.ConsoleHome;
import io.workspacebackend.launcher.LocalBackend;
import io.workspacebackend.launcher.LogFeed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * The feed behind the Server log pane. A local server starts with no session container: it only
 * connects to the Docker engine.
 */
@Timeout(120)
class LogFeedTest {
  @Test
  void theFeedKeepsTheLocalServersStartUpThroughSpringResettingLogback() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    Consumer<String> listener = seen::add;
    LogFeed.installed().follow(listener);
    try (ConsoleHome home = ConsoleHome.create(Map.of())) {
      LocalBackend server = home.environment().launcher().start();
      try {
        String listening = "Netty started on port " + server.baseUri().getPort();
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> seen.stream().anyMatch(line -> line.contains(listening)));
      } finally {
        server.close();
      }
    } finally {
      LogFeed.installed().unfollow(listener);
    }
  }

  @Test
  void theFeedShowsInfoAndUpButNoDebug() {
    List<String> seen = new CopyOnWriteArrayList<>();
    Consumer<String> listener = seen::add;
    ch.qos.logback.classic.Logger logger =
        (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(LogFeedTest.class);
    logger.setLevel(Level.DEBUG);
    LogFeed.installed().follow(listener);
    try {
      logger.debug("a debug line");
      logger.info("an info line");
      logger.warn("a warning");

      assertThat(seen).anyMatch(line -> line.contains("an info line"));
      assertThat(seen).anyMatch(line -> line.contains("a warning"));
      assertThat(seen).noneMatch(line -> line.contains("a debug line"));
    } finally {
      LogFeed.installed().unfollow(listener);
      logger.setLevel(null);
    }
  }
}
