package io.workspacebackend.console.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.console.testing.ConsoleHome;
import io.workspacebackend.launcher.LocalBackend;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Quitting while another console follows the server's events: the stop runs on its own thread and
 * cuts that stream after a short grace instead of waiting Spring's default 30 s for it.
 */
@Timeout(120)
class LocalServerStopTest {
  @Test
  void stoppingWithAnotherConsoleFollowingEventsEndsWithinSeconds() throws Exception {
    try (ConsoleHome home = ConsoleHome.create(Map.of())) {
      LocalBackend server = home.environment().launcher().start();
      WorkspaceClient admin = WorkspaceClient.forServer(server.baseUri());
      server.createFirstAdmin(admin, "admin", "first-admin-pw-1");
      // The other console's stream: open once its headers arrive (the server commits them at once).
      HttpResponse<InputStream> events =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(server.baseUri().resolve("/api/events"))
                      .header("Authorization", "Bearer " + admin.token())
                      .header("Accept", "text/event-stream")
                      .build(),
                  HttpResponse.BodyHandlers.ofInputStream());
      assertThat(events.statusCode()).isEqualTo(200);

      long begun = System.nanoTime();
      CompletableFuture<Void> stopped = server.stopInBackground();
      Duration returnedAfter = Duration.ofNanos(System.nanoTime() - begun);
      stopped.get(20, TimeUnit.SECONDS);
      Duration stoppedAfter = Duration.ofNanos(System.nanoTime() - begun);

      assertThat(returnedAfter).isLessThan(Duration.ofSeconds(1));
      assertThat(stoppedAfter).isLessThan(LocalBackend.SHUTDOWN_GRACE.plusSeconds(8));
      events.body().close();
    }
  }
}
