package io.workspacebackend.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * What opencode's {@code GET /session/status} means for the idle culler, against a server standing
 * in for whatever the session's user runs on opencode's port: busy or retry is work; idle, an
 * error, a refusal or an endless answer is not, and an endless answer is cut off, not buffered.
 */
class AgentStatusTest {
  private static final String SECRET = "s3cret";

  private final AgentStatus status = new AgentStatus(JsonMapper.builder().build());
  private final AtomicReference<String> authorization = new AtomicReference<>();
  private DisposableServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.disposeNow();
    }
  }

  @Test
  void busyOrRetryingConversationsAreWorkAndIdleOnesAreNot() {
    assertThat(busy(answering("{\"ses_a\":{\"type\":\"busy\"}}"))).isTrue();
    assertThat(authorization.get()).isEqualTo(ServiceCredentials.opencode(SECRET));
    assertThat(busy(answering("{\"ses_a\":{\"type\":\"retry\",\"attempt\":2}}"))).isTrue();
    assertThat(busy(answering("{}"))).isFalse();
    assertThat(busy(answering("{\"ses_a\":{\"type\":\"idle\"}}"))).isFalse();
    assertThat(busy(answering("not json"))).isFalse();
  }

  @Test
  void anEndlessAnswerIsCutOffAndIsNoWork() {
    AtomicBoolean cancelled = new AtomicBoolean();
    server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle(
                (request, response) ->
                    response.send(
                        Flux.<byte[]>generate(sink -> sink.next(new byte[64 * 1024]))
                            .map(Unpooled::wrappedBuffer)
                            .doOnCancel(() -> cancelled.set(true))))
            .bindNow();

    assertThat(busy(server.port())).isFalse();
    Awaitility.await().untilTrue(cancelled);
  }

  private int answering(String body) {
    if (server != null) {
      server.disposeNow();
    }
    server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle(
                (request, response) -> {
                  authorization.set(request.requestHeaders().get("Authorization"));
                  return response.sendString(Mono.just(body), StandardCharsets.UTF_8);
                })
            .bindNow();
    return server.port();
  }

  private boolean busy(int port) {
    SessionRow row =
        new SessionRow(
            UUID.randomUUID().toString(),
            "s",
            UUID.randomUUID().toString(),
            "running",
            "image",
            "/w",
            "c",
            "c",
            "n",
            "docker",
            SECRET,
            port,
            port + 1,
            port + 2,
            "{}",
            null,
            null,
            Instant.EPOCH,
            null,
            null,
            null,
            null,
            null,
            false);
    return status.busy(row).block();
  }
}
