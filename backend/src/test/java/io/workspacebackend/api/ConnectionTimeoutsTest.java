package io.workspacebackend.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.testing.RunningBackend;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Connections that send nothing, half a request, or a body that never comes, are closed by the
 * server (after a minute), so that nobody can hold its file descriptors without signing in.
 */
@Timeout(300)
class ConnectionTimeoutsTest {
  @RegisterExtension static final RunningBackend backend = new RunningBackend();

  @Test
  void silentHalfSentAndBodilessConnectionsAreClosed() throws Exception {
    List<CompletableFuture<String>> ends =
        List.of(
            endOf(""),
            endOf("GET /api/health HTTP/1.1\r\nHost: x\r\n"),
            endOf(
                "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2000\r\n\r\n{"));
    for (CompletableFuture<String> end : ends) {
      // Whatever the server said before closing (nothing, or an error status), it closed.
      assertThat(end.get()).doesNotStartWith("HTTP/1.1 200");
    }
  }

  /** Opens a connection, sends {@code start}, and completes with what came back once it ends. */
  private static CompletableFuture<String> endOf(String start) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (Socket socket =
              new Socket(InetAddress.getLoopbackAddress(), backend.server().port())) {
            OutputStream out = socket.getOutputStream();
            out.write(start.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            // Blocks until the server closes the connection: the condition this test waits for.
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
          } catch (java.io.IOException reset) {
            return "reset: " + reset.getMessage();
          }
        });
  }
}
