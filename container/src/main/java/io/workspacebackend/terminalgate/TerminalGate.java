package io.workspacebackend.terminalgate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The only way into the session's terminal from outside the container. ttyd listens on a Unix
 * socket inside the container, without a credential of its own: given one, it would carry it on its
 * command line, which every account on the host can read ({@code ps}), and that secret opens the
 * session's other services too. This gate listens on the terminal's port, lets a connection through
 * only when its first request carries the session's credential, and then relays its bytes both
 * ways.
 */
public final class TerminalGate implements AutoCloseable {
  /** How long a client may take to send its first request's head. */
  private static final int HEAD_TIMEOUT_MILLIS = 10_000;

  private static final byte[] UNAUTHORIZED =
      answer(
          "HTTP/1.1 401 Unauthorized",
          "WWW-Authenticate: Basic realm=\"terminal\"",
          "Content-Length: 0",
          "Connection: close");
  private static final byte[] UNAVAILABLE =
      answer("HTTP/1.1 503 Service Unavailable", "Content-Length: 0", "Connection: close");

  private final ServerSocket listener;
  private final TerminalCredential credential;
  private final Path ttydSocket;
  private final AtomicInteger connections = new AtomicInteger();

  private TerminalGate(ServerSocket listener, TerminalCredential credential, Path ttydSocket) {
    this.listener = listener;
    this.credential = credential;
    this.ttydSocket = ttydSocket;
  }

  /** Listens on {@code port} and serves connections on a thread of its own. */
  public static TerminalGate start(String host, int port, String secret, Path ttydSocket)
      throws IOException {
    ServerSocket listener = new ServerSocket();
    listener.bind(new InetSocketAddress(host, port), 64);
    TerminalGate gate = new TerminalGate(listener, new TerminalCredential(secret), ttydSocket);
    Thread acceptor = new Thread(gate::acceptAll, "terminal-gate");
    acceptor.setDaemon(true);
    acceptor.start();
    return gate;
  }

  public int port() {
    return listener.getLocalPort();
  }

  private void acceptAll() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Thread connection =
            new Thread(() -> serve(client), "terminal-gate-" + connections.incrementAndGet());
        connection.setDaemon(true);
        connection.start();
      } catch (IOException e) {
        if (!listener.isClosed()) {
          System.err.println("terminal gate: accept failed: " + e.getMessage());
        }
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      client.setSoTimeout(HEAD_TIMEOUT_MILLIS);
      InputStream fromClient = client.getInputStream();
      OutputStream toClient = client.getOutputStream();
      byte[] head = RequestHead.read(fromClient);
      if (!credential.admits(RequestHead.header(head, "Authorization"))) {
        toClient.write(UNAUTHORIZED);
        return;
      }
      client.setSoTimeout(0);
      try (SocketChannel ttyd = SocketChannel.open(StandardProtocolFamily.UNIX)) {
        try {
          ttyd.connect(UnixDomainSocketAddress.of(ttydSocket));
        } catch (IOException e) {
          // ttyd has not started yet (or has ended): the backend's readiness probe tries again.
          toClient.write(UNAVAILABLE);
          return;
        }
        Relay.between(client, head, ttyd);
      }
    } catch (RequestHead.Malformed | SocketException e) {
      // A client that went away or spoke no HTTP: nothing to answer.
    } catch (IOException e) {
      System.err.println("terminal gate: connection failed: " + e.getMessage());
    }
  }

  private static byte[] answer(String... lines) {
    return (String.join("\r\n", lines) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
