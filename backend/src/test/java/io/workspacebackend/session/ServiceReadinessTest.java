package io.workspacebackend.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.workspacebackend.model.session.SessionPorts;
import io.workspacebackend.model.session.StartupStep;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Mono;

/** The readiness probes against real HTTP servers standing in for a session's three services. */
@Timeout(30)
class ServiceReadinessTest {
  private static final String SECRET = "the-secret";
  private static final Duration LONG = Duration.ofSeconds(20);

  private final ServiceReadiness readiness = new ServiceReadiness();
  private final List<AutoCloseable> servers = new ArrayList<>();

  @AfterEach
  void stopServers() throws Exception {
    for (AutoCloseable server : servers) {
      server.close();
    }
  }

  @Test
  void eachServiceIsProbedAtItsHealthUrlWithTheSessionsSecret() throws Exception {
    SessionPorts ports =
        new SessionPorts(
            answering("/global/health", ServiceCredentials.opencode(SECRET)),
            answering("/tree?path=.&depth=0", "Bearer " + SECRET),
            answering("/", ServiceCredentials.terminal(SECRET)));

    List<StartupStep> ready = new CopyOnWriteArrayList<>();

    readiness.await(ports, SECRET, LONG, Mono.never(), ready::add).block();

    assertThat(ready)
        .as("each service's readiness is reported once")
        .containsExactlyInAnyOrder(
            StartupStep.OPENCODE_READY, StartupStep.FILES_READY, StartupStep.TERMINAL_READY);
  }

  @Test
  void aProbeLeftUnansweredDoesNotHoldBackTheNext() throws Exception {
    HoldsFirstRequest opencode = new HoldsFirstRequest();
    servers.add(opencode);
    SessionPorts ports =
        new SessionPorts(
            opencode.port(),
            answering("/tree?path=.&depth=0", "Bearer " + SECRET),
            answering("/", ServiceCredentials.terminal(SECRET)));

    readiness.await(ports, SECRET, LONG, Mono.never(), step -> {}).block();

    assertThat(opencode.answeredWhileFirstHeld.get())
        .as("a later probe was answered while the first was still open")
        .isTrue();
  }

  @Test
  void aServiceThatNeverAnswers200IsNamedWhenTimeRunsOut() throws Exception {
    int files = answering("/nowhere", "nobody");
    SessionPorts ports =
        new SessionPorts(
            answering("/global/health", ServiceCredentials.opencode(SECRET)),
            files,
            answering("/", ServiceCredentials.terminal(SECRET)));

    assertThatThrownBy(
            () ->
                readiness
                    .await(ports, SECRET, Duration.ofSeconds(1), Mono.never(), step -> {})
                    .block())
        .hasMessage("services did not answer within 1 s (files 127.0.0.1:" + files + ")");
  }

  @Test
  void givingUpEndsTheWaitWithItsReason() throws Exception {
    int nothing = answering("/nowhere", "nobody");
    SessionPorts ports = new SessionPorts(nothing, nothing, nothing);
    IllegalStateException stopped = new IllegalStateException("the container stopped");

    assertThatThrownBy(
            () ->
                readiness
                    .await(
                        ports,
                        SECRET,
                        LONG,
                        Mono.delay(Duration.ofMillis(50)).then(Mono.error(stopped)),
                        step -> {})
                    .block())
        .isSameAs(stopped);
  }

  @Test
  void probesStartQuicklyAndSettleAtOneEveryHundredMilliseconds() {
    assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 50).stream().map(ServiceReadiness::gap).toList())
        .containsExactly(
            Duration.ofMillis(5),
            Duration.ofMillis(10),
            Duration.ofMillis(20),
            Duration.ofMillis(40),
            Duration.ofMillis(80),
            Duration.ofMillis(100),
            Duration.ofMillis(100),
            Duration.ofMillis(100));
  }

  /** A server answering 200 at {@code path} to {@code authorization}, 401 to anything else. */
  private int answering(String path, String authorization) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          boolean right =
              exchange.getRequestURI().toString().equals(path)
                  && authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"));
          exchange.sendResponseHeaders(right ? 200 : 401, -1);
          exchange.close();
        });
    server.start();
    servers.add(() -> server.stop(0));
    return server.getAddress().getPort();
  }

  /**
   * Like opencode just after it opens its port: the first request is read and never answered; later
   * ones get 200. Notes whether the first was still open when a later one was answered.
   */
  private static final class HoldsFirstRequest implements AutoCloseable {
    final AtomicBoolean answeredWhileFirstHeld = new AtomicBoolean();
    private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final AtomicBoolean firstClosed = new AtomicBoolean();
    private final AtomicInteger accepted = new AtomicInteger();
    private final CountDownLatch firstRead = new CountDownLatch(1);
    private final List<Socket> open = new ArrayList<>();

    HoldsFirstRequest() throws IOException {
      Thread acceptor = new Thread(this::accept, "holds-first-request");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    private void accept() {
      while (!socket.isClosed()) {
        try {
          Socket connection = socket.accept();
          synchronized (open) {
            open.add(connection);
          }
          boolean first = accepted.incrementAndGet() == 1;
          Thread handler = new Thread(() -> handle(connection, first));
          handler.setDaemon(true);
          handler.start();
        } catch (IOException closed) {
          return;
        }
      }
    }

    private void handle(Socket connection, boolean first) {
      try (connection) {
        InputStream in = connection.getInputStream();
        readHead(in);
        if (first) {
          firstRead.countDown();
          // Held: read until the client gives up on it.
          while (in.read() >= 0) {
            // Nothing else arrives on a GET.
          }
          firstClosed.set(true);
          return;
        }
        firstRead.await();
        if (!firstClosed.get()) {
          answeredWhileFirstHeld.set(true);
        }
        OutputStream out = connection.getOutputStream();
        out.write(
            "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException | InterruptedException e) {
        // The client went away.
      }
    }

    private static void readHead(InputStream in) throws IOException {
      int matched = 0;
      byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
      int b;
      while (matched < end.length && (b = in.read()) >= 0) {
        matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
      synchronized (open) {
        for (Socket connection : open) {
          connection.close();
        }
      }
    }
  }
}
