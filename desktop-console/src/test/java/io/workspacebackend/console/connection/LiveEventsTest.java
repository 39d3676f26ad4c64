package io.workspacebackend.console.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.console.ui.Workbench;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.model.user.User;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's one event stream, against a small server that ends its first stream after one event:
 * every tab hears each event, is told of the break, and lists anew once it is followed again; one
 * stream is open at a time.
 */
@Timeout(60)
class LiveEventsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final UUID firstId = UUID.randomUUID();
  private final UUID secondId = UUID.randomUUID();
  private final AtomicInteger streams = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger mostOpen = new AtomicInteger();
  private final CountDownLatch finished = new CountDownLatch(1);
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();
  private final List<Runnable> reconnected = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private LiveEvents events;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/events", this::stream);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (events != null) {
      WaitForAsyncUtils.asyncFx(events::close).get();
    }
    finished.countDown();
    server.stop(0);
  }

  @Test
  void everyTabHearsEachEventAndListsAnewEachTimeTheStreamIsFollowedAgain() throws Exception {
    Tab sessions = new Tab();
    Tab dashboard = new Tab();
    URI address = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    WaitForAsyncUtils.asyncFx(
            () -> {
              events =
                  new LiveEvents(
                      new Offline(WorkspaceClient.forServer(address), failures, reconnected));
              events.follow(sessions);
              events.follow(dashboard);
              events.start();
            })
        .get();

    // The stream ended as when the server goes away: the window's banner takes over.
    await().atMost(WAIT).until(() -> failures.size() == 1);
    assertThat(failures.get(0)).hasMessageContaining("closed the stream");
    assertThat(sessions.interruptions).singleElement().asString().contains("paused");
    assertThat(sessions.seen).containsExactly(firstId);

    // The banner finds the server answering again; its second stream is refused with a 500.
    WaitForAsyncUtils.asyncFx(() -> reconnected.forEach(Runnable::run)).get();
    for (Tab tab : List.of(sessions, dashboard)) {
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(tab.seen)
                      .as("after %s streams, %s, %s", streams, tab.interruptions, failures)
                      .containsExactly(firstId, secondId));
      assertThat(tab.interruptions).hasSize(2);
      assertThat(tab.interruptions.get(1)).contains("interrupted").contains("Reconnecting");
      assertThat(tab.resumptions).as("after the banner, and after the refusal").hasValue(2);
    }
    assertThat(streams).hasValue(3);
    assertThat(mostOpen).as("streams open at once").hasValue(1);
    assertThat(failures).as("a refusal is no lost connection").hasSize(1);
  }

  /**
   * The first stream sends one session and ends; the second is refused; the third sends another
   * session and stays open.
   */
  private void stream(HttpExchange exchange) throws IOException {
    int number = streams.incrementAndGet();
    mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
    try (exchange) {
      if (number == 2) {
        byte[] problem =
            "{\"title\":\"Internal Server Error\",\"status\":500,\"detail\":\"broken\"}"
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(500, problem.length);
        exchange.getResponseBody().write(problem);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      OutputStream body = exchange.getResponseBody();
      body.write(sessionEvent(number == 1 ? firstId : secondId));
      body.flush();
      if (number > 2) {
        finished.await();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.decrementAndGet();
    }
  }

  private static byte[] sessionEvent(UUID id) {
    String json =
        "{\"id\":\""
            + id
            + "\",\"name\":\"s\",\"user_id\":\""
            + UUID.randomUUID()
            + "\",\"status\":\"running\",\"image\":\"opencode-dev:latest\",\"runtime\":\"docker\","
            + "\"created_at\":\""
            + Instant.EPOCH
            + "\"}";
    return ("event: session\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
  }

  /** A tab that records what it heard (on the FX thread, read by the test's thread). */
  private static final class Tab implements LiveEvents.Listener {
    final List<UUID> seen = new CopyOnWriteArrayList<>();
    final List<String> interruptions = new CopyOnWriteArrayList<>();
    final AtomicInteger resumptions = new AtomicInteger();

    @Override
    public void session(Session session) {
      seen.add(session.id());
    }

    @Override
    public void interrupted(String why) {
      interruptions.add(why);
    }

    @Override
    public void resumed() {
      resumptions.incrementAndGet();
    }
  }

  /** A window with nothing on screen: failures and what to run on reconnection are recorded. */
  private record Offline(
      WorkspaceClient client, List<Throwable> failures, List<Runnable> reconnected)
      implements Workbench {
    @Override
    public User user() {
      return new User(UUID.randomUUID(), "admin", Role.ADMIN, false, Instant.EPOCH, null);
    }

    @Override
    public void openTab(String title, Node content, AutoCloseable onClose) {}

    @Override
    public void failed(String heading, Throwable failure) {
      failures.add(failure);
    }

    @Override
    public void whenReconnected(Runnable action) {
      reconnected.add(action);
    }

    @Override
    public Window window() {
      return null;
    }
  }
}
