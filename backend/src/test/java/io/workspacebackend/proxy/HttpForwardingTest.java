package io.workspacebackend.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.testing.NettyLeaks;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import reactor.util.function.Tuple2;

/** The HTTP forwarder against a real upstream: what arrives there, and how bodies stream. */
@Timeout(30)
class HttpForwardingTest {
  private final EchoUpstream upstream = new EchoUpstream(0);
  private final ProxyHarness proxy =
      new ProxyHarness(upstream.port(), SessionStatus.RUNNING, Duration.ofSeconds(1));
  private final HttpClient client = HttpClient.create();

  @AfterEach
  void nothingStaysRegisteredOnceARequestHasEnded() {
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(proxy.connections.openCount()).isZero());
    } finally {
      proxy.close();
      upstream.close();
    }
  }

  @Test
  void theCallersCredentialsNeverReachTheServiceButItsOwnCredentialDoes() {
    Tuple2<HttpHeaders, String> answer =
        client
            .headers(
                headers ->
                    headers
                        .set("Authorization", "Bearer the-callers-jwt")
                        .set("Cookie", "workspace_token=the-callers-jwt; theme=dark")
                        .set("Connection", "keep-alive, X-Client-Hop")
                        .set("X-Client-Hop", "1")
                        .set("Keep-Alive", "timeout=5")
                        .set("X-Kept", "yes"))
            .get()
            .uri(proxy.base() + "/p/echo/a%20b?x=1&token=the-callers-jwt&y=2")
            .responseSingle(
                (response, body) ->
                    body.asString()
                        .map(
                            text ->
                                reactor.util.function.Tuples.of(response.responseHeaders(), text)))
            .block();

    assertThat(answer.getT2()).isEqualTo("GET 0");
    assertThat(upstream.lastUri).isEqualTo("/echo/a%20b?x=1&y=2");
    assertThat(upstream.lastHeaders)
        .containsEntry("authorization", ProxiedService.FILES.credential(ProxyHarness.SECRET))
        .containsEntry("cookie", "theme=dark")
        .containsEntry("x-kept", "yes")
        .containsEntry("x-forwarded-for", "127.0.0.1")
        .containsEntry("x-forwarded-proto", "http")
        .containsEntry("x-forwarded-host", "127.0.0.1:" + proxy.port())
        .containsEntry("x-forwarded-prefix", "/p")
        .doesNotContainKeys("x-client-hop", "keep-alive");
    assertThat(String.join(" ", upstream.lastHeaders.values())).doesNotContain("the-callers-jwt");

    HttpHeaders back = answer.getT1();
    assertThat(back.get("X-Upstream-Kept")).isEqualTo("1");
    assertThat(back.contains("X-Upstream-Hop")).isFalse();
    assertThat(back.contains("WWW-Authenticate")).isFalse();
    assertThat(back.getAll("Set-Cookie")).containsExactly("theirs=1; Path=/");
  }

  @Test
  void everyMethodIsForwardedWithItsBody() {
    for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
      String answer =
          client
              .request(io.netty.handler.codec.http.HttpMethod.valueOf(method))
              .uri(proxy.base() + "/p/echo")
              .send(Mono.just(Unpooled.wrappedBuffer("12345".getBytes(StandardCharsets.UTF_8))))
              .responseContent()
              .aggregate()
              .asString()
              .block();
      assertThat(answer).isEqualTo(method + " 5");
    }
  }

  @Test
  void aRequestBodyReachesTheServiceWhileTheClientIsStillSendingIt() throws Exception {
    BlockingQueue<Integer> chunks = upstream.requestChunks;
    byte[] chunk = new byte[64 * 1024];
    // The second chunk is only produced after the upstream has received the first: a proxy
    // that collected the whole body first would never get it.
    Flux<ByteBuf> body =
        Flux.concat(
            Mono.fromCallable(() -> Unpooled.wrappedBuffer(chunk)),
            Mono.fromCallable(
                    () -> {
                      Integer first = chunks.poll(10, TimeUnit.SECONDS);
                      assertThat(first).as("first chunk arrived before the body ended").isNotNull();
                      return Unpooled.wrappedBuffer(chunk);
                    })
                .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()));
    String answer =
        client
            .post()
            .uri(proxy.base() + "/p/echo")
            .send(body)
            .responseContent()
            .aggregate()
            .asString()
            .block();
    assertThat(answer).isEqualTo("POST " + 2 * chunk.length);
  }

  @Test
  void anEventReachesTheClientBeforeTheNextOneExists() {
    List<String> received =
        client
            .get()
            .uri(proxy.base() + "/p/events")
            .responseContent()
            .asString()
            .filter(text -> text.contains("data:"))
            .doOnSubscribe(s -> emitSoon("one"))
            .take(1)
            .collectList()
            .block(Duration.ofSeconds(10));
    assertThat(received).singleElement().asString().contains("data: one");
  }

  @Test
  void theUpstreamConnectionClosesWhenTheClientGoesAway() throws Exception {
    BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    Disposable stream =
        client
            .get()
            .uri(proxy.base() + "/p/events")
            .responseContent()
            .asString()
            .subscribe(seen::add);
    assertThat(seen.poll(10, TimeUnit.SECONDS)).contains(": open");
    stream.dispose();
    assertThat(upstream.eventStreamClosed.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aRevokedEventStreamEndsWithARevokedEventAfterTheLastWholeOne() throws Exception {
    BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    CompletableFuture<Void> ended = new CompletableFuture<>();
    Disposable stream =
        client
            .get()
            .uri(proxy.base() + "/p/events")
            .responseContent()
            .asString()
            .subscribe(seen::add, ended::completeExceptionally, () -> ended.complete(null));
    try {
      assertThat(seen.poll(10, TimeUnit.SECONDS)).contains(": open");
      upstream.events.tryEmitNext("one");
      assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("data: one\n\n");

      proxy.connections.sessionDeleted(ProxyHarness.SESSION);

      ended.get(10, TimeUnit.SECONDS);
      assertThat(String.join("", seen))
          .startsWith("event:revoked\ndata:{")
          .contains("\"status\":404", "the session was deleted")
          .endsWith("}\n\n");
      assertThat(upstream.eventStreamClosed.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      stream.dispose();
    }
  }

  @Test
  void aRevokedDownloadIsBrokenOffRatherThanEndedAsIfWhole() throws Exception {
    BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    CompletableFuture<Void> ended = new CompletableFuture<>();
    Disposable download =
        client
            .get()
            .uri(proxy.base() + "/p/slow")
            .responseContent()
            .asString()
            .subscribe(seen::add, ended::completeExceptionally, () -> ended.complete(null));
    try {
      assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("first\n");

      proxy.connections.signedOut(ProxyHarness.GRANT.tokenId());

      assertThatThrownBy(() -> ended.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(PrematureCloseException.class);
      assertThat(upstream.slowBodyClosed.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      download.dispose();
    }
  }

  @Test
  void aRevokedUploadStopsAndIsAnswered401() {
    byte[] chunk = new byte[64 * 1024];
    // The client goes on sending after the first chunk; the proxy must stop forwarding it.
    Flux<ByteBuf> body =
        Flux.concat(
            Mono.fromCallable(() -> Unpooled.wrappedBuffer(chunk)),
            Mono.fromRunnable(
                    () -> {
                      try {
                        assertThat(upstream.requestChunks.poll(10, TimeUnit.SECONDS)).isNotNull();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      proxy.connections.signedOut(ProxyHarness.GRANT.tokenId());
                    })
                .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())
                .then(Mono.never()));
    var response =
        client
            .post()
            .uri(proxy.base() + "/p/echo")
            .send(body)
            .response()
            .block(Duration.ofSeconds(10));
    assertThat(response.status().code()).isEqualTo(401);
  }

  @Test
  void revokingAnUploadWhileItsBytesStreamInLeavesNoBufferUnreleased() {
    byte[] chunk = new byte[16 * 1024];
    Flux<ByteBuf> endless = Flux.generate(sink -> sink.next(Unpooled.wrappedBuffer(chunk)));
    Mono<Integer> answer =
        client
            .post()
            .uri(proxy.base() + "/p/echo")
            .send(endless)
            .response()
            .map(response -> response.status().code());
    CompletableFuture<Integer> answered = answer.toFuture();
    // Revoked while chunks arrive: buffers the proxy holds between client and service at that
    // moment must be released, not dropped.
    await().atMost(Duration.ofSeconds(10)).until(() -> upstream.requestChunks.size() >= 8);
    proxy.connections.signedOut(ProxyHarness.GRANT.tokenId());

    assertThat(answered).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(401);
    assertNoBufferLeaked();
  }

  @Test
  void revokingADownloadWhileItsBytesStreamOutLeavesNoBufferUnreleased() throws Exception {
    CompletableFuture<Void> ended = new CompletableFuture<>();
    Disposable download = followUntilAMebibyteArrived("/p/flood", ended);
    try {
      proxy.connections.signedOut(ProxyHarness.GRANT.tokenId());

      assertThatThrownBy(() -> ended.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(PrematureCloseException.class);
      assertThat(upstream.floodClosed.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      download.dispose();
    }
    assertNoBufferLeaked();
  }

  @Test
  void revokingAnEventStreamWhileEventsStreamOutLeavesNoBufferUnreleased() throws Exception {
    CompletableFuture<Void> ended = new CompletableFuture<>();
    Disposable stream = followUntilAMebibyteArrived("/p/event-flood", ended);
    try {
      proxy.connections.sessionDeleted(ProxyHarness.SESSION);

      // Ended with a last event or broken off, depending on where the revocation fell.
      assertThat(ended.handle((done, error) -> true)).succeedsWithin(Duration.ofSeconds(10));
      assertThat(upstream.floodClosed.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      stream.dispose();
    }
    assertNoBufferLeaked();
  }

  @Test
  void aRunningSessionsServiceThatDoesNotListenIs502() throws Exception {
    try (ProxyHarness nowhere =
        new ProxyHarness(freePort(), SessionStatus.RUNNING, Duration.ofSeconds(1))) {
      assertThat(statusOf(nowhere)).isEqualTo(502);
    }
  }

  @Test
  void aServiceThatAcceptsButNeverAnswersGets504AndItsConnectionIsClosed() throws Exception {
    try (ProxyHarness impatient = timeouts(Duration.ofMillis(500), Duration.ofSeconds(30))) {
      var response =
          client.get().uri(impatient.base() + "/p/hang").response().block(Duration.ofSeconds(30));
      assertThat(response.status().code()).isEqualTo(504);
      assertThat(upstream.hangingRequestClosed.await(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aBodyThatFallsSilentIsBrokenOffNotLeftHanging() throws Exception {
    try (ProxyHarness impatient = timeouts(Duration.ofMillis(500), Duration.ofSeconds(30))) {
      List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
      assertThatThrownBy(
              () ->
                  client
                      .get()
                      .uri(impatient.base() + "/p/slow")
                      .responseContent()
                      .asString()
                      .doOnNext(received::add)
                      .blockLast(Duration.ofSeconds(30)))
          .hasCauseInstanceOf(PrematureCloseException.class);
      assertThat(String.join("", received)).isEqualTo("first\n");
      assertThat(upstream.slowBodyClosed.await(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void anEventStreamOutlivesTheResponseTimeoutAndEndsWhenSilentForItsIdleTimeout()
      throws Exception {
    // Events 600 ms apart, each gap longer than the response timeout; then silence.
    try (ProxyHarness streaming = timeouts(Duration.ofMillis(200), Duration.ofSeconds(5))) {
      // Paced from the moment the stream is open, so that no event is emitted before it is.
      java.util.concurrent.atomic.AtomicReference<Disposable> pacer =
          new java.util.concurrent.atomic.AtomicReference<>();
      try {
        String body =
            client
                .get()
                .uri(streaming.base() + "/p/events")
                .responseContent()
                .asString()
                .doOnNext(
                    chunk -> {
                      if (chunk.contains(": open")) {
                        pacer.set(
                            Flux.interval(Duration.ofMillis(600))
                                .take(4)
                                .subscribe(n -> upstream.events.tryEmitNext("event-" + n)));
                      }
                    })
                .reduce("", String::concat)
                .block(Duration.ofSeconds(60));
        assertThat(body).contains("data: event-0", "data: event-3").endsWith("\n\n");
        assertThat(upstream.eventStreamClosed.await(10, TimeUnit.SECONDS)).isTrue();
      } finally {
        if (pacer.get() != null) {
          pacer.get().dispose();
        }
      }
    }
  }

  /**
   * Follows an endless answer from {@code path}, completing {@code ended} however it ends, and
   * returns once a mebibyte of it has arrived: the stream is then in full flow.
   */
  private Disposable followUntilAMebibyteArrived(String path, CompletableFuture<Void> ended) {
    AtomicLong received = new AtomicLong();
    Disposable following =
        client
            .get()
            .uri(proxy.base() + path)
            .responseContent()
            .subscribe(
                chunk -> received.addAndGet(chunk.readableBytes()),
                ended::completeExceptionally,
                () -> ended.complete(null));
    await().atMost(Duration.ofSeconds(10)).until(() -> received.get() >= 1 << 20);
    return following;
  }

  private ProxyHarness timeouts(Duration response, Duration streamIdle) {
    return new ProxyHarness(
        upstream.port(), SessionStatus.RUNNING, Duration.ofSeconds(1), response, streamIdle);
  }

  /** Once the proxy has let go of the connection, nothing it held may be reported leaked. */
  private void assertNoBufferLeaked() {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(proxy.connections.openCount()).isZero());
    assertThat(NettyLeaks.reportNow()).isEmpty();
  }

  private int statusOf(ProxyHarness harness) {
    return client
        .get()
        .uri(harness.base() + "/p/echo")
        .response()
        .block(Duration.ofSeconds(10))
        .status()
        .code();
  }

  private void emitSoon(String event) {
    Mono.delay(Duration.ofMillis(200)).subscribe(tick -> upstream.events.tryEmitNext(event));
  }

  static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
