package io.workspacebackend.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How {@link WorkspaceClient#events} reports the end of a stream, against a real HTTP server that
 * sends what the backend sends.
 */
class RevokedEventStreamTest {
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void aRevokedEventEndsTheStreamWithTheProblemItCarries() throws Exception {
    serve(
        ":connected\n\n"
            + "event:revoked\n"
            + "data:{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
            + "\"detail\":\"signed out: this sign-in was revoked\"}\n\n");

    Throwable end = followUntilTheEnd();

    assertThat(end)
        .isInstanceOfSatisfying(
            ApiException.class,
            problem -> {
              assertThat(problem.status()).isEqualTo(401);
              assertThat(problem.detail()).isEqualTo("signed out: this sign-in was revoked");
            });
  }

  @Test
  void aStreamThatSimplyEndsIsReportedAsEnded() throws Exception {
    serve(":connected\n\n");

    assertThat(followUntilTheEnd()).isInstanceOf(StreamReader.StreamEndedException.class);
  }

  private Throwable followUntilTheEnd() throws Exception {
    WorkspaceClient client =
        WorkspaceClient.forServer(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    CompletableFuture<Throwable> ended = new CompletableFuture<>();
    try (Subscription events = client.events(session -> {}, ended::complete)) {
      return ended.get(10, TimeUnit.SECONDS);
    }
  }

  private void serve(String body) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/events",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
          }
        });
    server.start();
  }
}
