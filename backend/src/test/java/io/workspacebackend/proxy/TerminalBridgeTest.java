package io.workspacebackend.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.workspacebackend.model.session.SessionStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The terminal's WebSocket bridge against a real WebSocket upstream that behaves like ttyd. */
@Timeout(30)
class TerminalBridgeTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void framesPassBothWaysWithTheRealAuthTokenInTheInitMessage() throws Exception {
    try (EchoUpstream upstream = new EchoUpstream(0);
        ProxyHarness proxy = running(upstream.port())) {
      SocketRecorder recorder = new SocketRecorder();
      WebSocket socket = open(proxy, recorder);

      socket.sendBinary(bytes("{\"AuthToken\":\"\",\"columns\":80,\"rows\":24}"), true).join();
      String init = recorder.awaitContaining("AuthToken", 10);
      assertThat(init)
          .startsWith("binary:")
          .contains(ProxiedService.ttydAuthToken(ProxyHarness.SECRET))
          .contains("\"columns\":80");
      socket.sendText("0ls", true).join();
      assertThat(recorder.awaitContaining("ls", 10)).isEqualTo("text:0ls");
      assertThat(upstream.lastHeaders.get("authorization"))
          .isEqualTo(ProxiedService.TERMINAL.credential(ProxyHarness.SECRET));
      assertThat(upstream.webSocketProtocol).isEqualTo("tty");
      assertThat(socket.getSubprotocol()).isEqualTo("tty");
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }
  }

  @Test
  void framesLargerThanReactorNettysDefaultLimitPassBothWays() throws Exception {
    try (EchoUpstream upstream = new EchoUpstream(0);
        ProxyHarness proxy = running(upstream.port())) {
      SocketRecorder recorder = new SocketRecorder();
      WebSocket socket = open(proxy, recorder);
      socket.sendBinary(bytes("{}"), true).join();
      recorder.awaitContaining("AuthToken", 10);

      String big = "1" + "x".repeat(1024 * 1024);
      socket.sendBinary(bytes(big), true).join();
      assertThat(recorder.awaitContaining("xxxx", 10)).hasSize("binary:".length() + big.length());
    }
  }

  @Test
  void aPingIsAnsweredThroughTheProxy() throws Exception {
    try (EchoUpstream upstream = new EchoUpstream(0);
        ProxyHarness proxy = running(upstream.port())) {
      SocketRecorder recorder = new SocketRecorder();
      WebSocket socket = open(proxy, recorder);
      socket.sendPing(bytes("are-you-there")).join();
      assertThat(recorder.awaitContaining("pong:", 10)).isEqualTo("pong:are-you-there");
    }
  }

  @Test
  void theClientsCloseCodeReachesTtyd() throws Exception {
    try (EchoUpstream upstream = new EchoUpstream(0);
        ProxyHarness proxy = running(upstream.port())) {
      SocketRecorder recorder = new SocketRecorder();
      WebSocket socket = open(proxy, recorder);
      socket.sendText("{}", true).join();
      recorder.awaitContaining("AuthToken", 10);
      socket.sendClose(4001, "client leaves").join();
      assertThat(upstream.closeCodeFromProxy.get(10, TimeUnit.SECONDS)).isEqualTo(4001);
    }
  }

  @Test
  void ttydsCloseCodeReachesTheClient() throws Exception {
    try (EchoUpstream upstream = new EchoUpstream(0);
        ProxyHarness proxy = running(upstream.port())) {
      SocketRecorder recorder = new SocketRecorder();
      WebSocket socket = open(proxy, recorder);
      socket.sendText("{}", true).join();
      recorder.awaitContaining("AuthToken", 10);
      socket.sendText("close:4002", true).join();
      assertThat(recorder.closed.get(10, TimeUnit.SECONDS)).isEqualTo("4002 upstream says bye");
    }
  }

  @Test
  void aClientThatVanishesTakesItsUpstreamConnectionWithIt() throws Exception {
    try (EchoUpstream upstream = new EchoUpstream(0);
        ProxyHarness proxy = running(upstream.port())) {
      SocketRecorder recorder = new SocketRecorder();
      WebSocket socket = open(proxy, recorder);
      socket.sendText("{}", true).join();
      recorder.awaitContaining("AuthToken", 10);
      socket.abort();
      assertThat(upstream.webSocketGone.await(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aSocketOpenedBeforeTtydListensIsJoinedWhenItDoes() throws Exception {
    int port = HttpForwardingTest.freePort();
    try (ProxyHarness proxy =
        new ProxyHarness(port, SessionStatus.STARTING, Duration.ofSeconds(20))) {
      SocketRecorder recorder = new SocketRecorder();
      WebSocket socket = open(proxy, recorder);
      socket.sendBinary(bytes("{\"columns\":100,\"rows\":30}"), true).join();
      socket.sendText("0early", true).join();
      try (EchoUpstream upstream = new EchoUpstream(port)) {
        assertThat(recorder.awaitContaining("AuthToken", 10)).contains("\"columns\":100");
        assertThat(recorder.awaitContaining("early", 10)).isEqualTo("text:0early");
      }
    }
  }

  @Test
  void aSocketWhoseTtydNeverListensIsClosedWithAReason() throws Exception {
    try (ProxyHarness proxy =
        new ProxyHarness(
            HttpForwardingTest.freePort(), SessionStatus.STARTING, Duration.ofSeconds(1))) {
      SocketRecorder recorder = new SocketRecorder();
      open(proxy, recorder);
      assertThat(recorder.closed.get(10, TimeUnit.SECONDS))
          .startsWith("1013 the terminal did not answer within 1 s");
    }
  }

  @Test
  void aRevokedSocketIsClosedWithItsReasonAndNothingSentAfterReachesTtyd() throws Exception {
    try (EchoUpstream upstream = new EchoUpstream(0);
        ProxyHarness proxy = running(upstream.port())) {
      SocketRecorder recorder = new SocketRecorder();
      WebSocket socket = open(proxy, recorder);
      socket.sendText("{}", true).join();
      recorder.awaitContaining("AuthToken", 10);
      socket.sendText("0before", true).join();
      recorder.awaitContaining("0before", 10);

      proxy.connections.signedOut(ProxyHarness.GRANT.tokenId());
      sendUnlessClosed(socket, "0after");

      assertThat(recorder.closed.get(10, TimeUnit.SECONDS)).isEqualTo("4401 signed out");
      assertThat(upstream.closeCodeFromProxy.get(10, TimeUnit.SECONDS)).isEqualTo(4401);
      // Once ttyd's connection is gone nothing more can reach it: only then is "never" known.
      assertThat(upstream.webSocketGone.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(upstream.framesFromProxy).contains("0before").doesNotContain("0after");
      awaitNothingRegistered(proxy);
    }
  }

  @Test
  void aSocketRevokedWhileWaitingForTtydIsClosedWithItsReason() throws Exception {
    try (ProxyHarness proxy =
        new ProxyHarness(
            HttpForwardingTest.freePort(), SessionStatus.STARTING, Duration.ofSeconds(60))) {
      SocketRecorder recorder = new SocketRecorder();
      open(proxy, recorder);
      await().atMost(Duration.ofSeconds(10)).until(() -> proxy.connections.openCount() == 1);

      proxy.connections.sessionDeleted(ProxyHarness.SESSION);

      assertThat(recorder.closed.get(10, TimeUnit.SECONDS)).isEqualTo("4404 session deleted");
      awaitNothingRegistered(proxy);
    }
  }

  @Test
  void aSocketClosedByEitherSideLeavesNothingRegistered() throws Exception {
    try (EchoUpstream upstream = new EchoUpstream(0);
        ProxyHarness proxy = running(upstream.port())) {
      SocketRecorder byClient = new SocketRecorder();
      WebSocket socket = open(proxy, byClient);
      SocketRecorder byTtyd = new SocketRecorder();
      WebSocket other = open(proxy, byTtyd);
      socket.sendText("{}", true).join();
      other.sendText("{}", true).join();
      byClient.awaitContaining("AuthToken", 10);
      byTtyd.awaitContaining("AuthToken", 10);
      assertThat(proxy.connections.openCount()).isEqualTo(2);

      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
      other.sendText("close:4002", true).join();

      assertThat(byTtyd.closed.get(10, TimeUnit.SECONDS)).startsWith("4002");
      awaitNothingRegistered(proxy);
    }
  }

  private static void sendUnlessClosed(WebSocket socket, String text) {
    try {
      socket.sendText(text, true).join();
    } catch (CompletionException e) {
      // The close frame arrived first and the client closed its side: nothing was sent.
    }
  }

  private static void awaitNothingRegistered(ProxyHarness proxy) {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(proxy.connections.openCount()).isZero());
  }

  private static ProxyHarness running(int port) {
    return new ProxyHarness(port, SessionStatus.RUNNING, Duration.ofSeconds(2));
  }

  private WebSocket open(ProxyHarness proxy, SocketRecorder recorder) {
    WebSocket socket =
        http.newWebSocketBuilder()
            .subprotocols("tty")
            .buildAsync(URI.create("ws://127.0.0.1:" + proxy.port() + "/ws"), recorder)
            .join();
    recorder.opened.join();
    return socket;
  }

  private static ByteBuffer bytes(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
  }
}
