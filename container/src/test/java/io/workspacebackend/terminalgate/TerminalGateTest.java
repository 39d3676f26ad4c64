package io.workspacebackend.terminalgate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate in front of ttyd's Unix socket, against a stand-in ttyd on a real socket: only a first
 * request with the session's credential gets through, and then bytes flow both ways untouched.
 */
@Timeout(30)
class TerminalGateTest {
  private static final String SECRET = "s3cret-of-this-session";

  @TempDir Path directory;
  private TerminalGate gate;
  private ServerSocketChannel ttyd;

  @AfterEach
  void stop() throws IOException {
    if (gate != null) {
      gate.close();
    }
    if (ttyd != null) {
      ttyd.close();
    }
  }

  @Test
  void aRequestWithoutTheCredentialIsRefusedAndNeverReachesTtyd() throws Exception {
    Path socket = listeningTtyd();
    CompletableFuture<SocketChannel> reached = acceptOne();
    gate = TerminalGate.start("127.0.0.1", 0, SECRET, socket);

    assertThat(exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 401 ");
    assertThat(exchange(head(basic("dev", "guess")))).startsWith("HTTP/1.1 401 ");
    assertThat(exchange(head(basic("root", SECRET)))).startsWith("HTTP/1.1 401 ");
    assertThat(reached).isNotDone();
  }

  @Test
  void anAdmittedConnectionIsRelayedBothWaysFromItsFirstByte() throws Exception {
    Path socket = listeningTtyd();
    CompletableFuture<SocketChannel> reached = acceptOne();
    gate = TerminalGate.start("127.0.0.1", 0, SECRET, socket);
    String head = head(basic("dev", SECRET));

    try (Socket client = new Socket(InetAddress.getLoopbackAddress(), gate.port())) {
      OutputStream out = client.getOutputStream();
      out.write((head + "keys").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      SocketChannel atTtyd = reached.get(10, TimeUnit.SECONDS);
      assertThat(readAtLeast(atTtyd, head.length() + 4)).isEqualTo(head + "keys");

      atTtyd.write(ByteBuffer.wrap("output".getBytes(StandardCharsets.US_ASCII)));
      assertThat(new String(client.getInputStream().readNBytes(6), StandardCharsets.US_ASCII))
          .isEqualTo("output");

      atTtyd.close();
      assertThat(client.getInputStream().read()).as("ttyd's end closes the client's").isEqualTo(-1);
    }
  }

  @Test
  void anAdmittedRequestWhileTtydIsNotListeningGets503() throws Exception {
    gate = TerminalGate.start("127.0.0.1", 0, SECRET, directory.resolve("ttyd.sock"));

    assertThat(exchange(head(basic("dev", SECRET)))).startsWith("HTTP/1.1 503 ");
  }

  private Path listeningTtyd() throws IOException {
    Path socket = directory.resolve("ttyd.sock");
    ttyd = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    ttyd.bind(UnixDomainSocketAddress.of(socket));
    return socket;
  }

  private CompletableFuture<SocketChannel> acceptOne() {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return ttyd.accept();
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private String exchange(String request) throws IOException {
    try (Socket client = new Socket(InetAddress.getLoopbackAddress(), gate.port())) {
      client.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      InputStream in = client.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  private static String readAtLeast(SocketChannel channel, int bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(bytes);
    while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
      // Until the expected bytes are in.
    }
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
  }

  private static String head(String authorization) {
    return "GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nAuthorization: "
        + authorization
        + "\r\n\r\n";
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
