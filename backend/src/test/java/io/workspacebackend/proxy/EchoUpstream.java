package io.workspacebackend.proxy;

import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * A real upstream for proxy tests, on 127.0.0.1: it tells what reached it (headers, path, body
 * size), streams events when told to, starts a plain body on {@code /slow} that never ends, never
 * answers on {@code /hang} at all, sends bytes ({@code /flood}) and events ({@code /event-flood})
 * as fast as they are read, for ever, and speaks WebSocket on {@code /ws} like ttyd (subprotocol
 * {@code tty}), echoing frames and recording them and how it was closed.
 */
final class EchoUpstream implements AutoCloseable {
  /** The request headers of the last {@code /echo} or {@code /ws} request, lower-case names. */
  volatile Map<String, String> lastHeaders = Map.of();

  volatile String lastUri = "";
  final Sinks.Many<String> events = Sinks.many().multicast().directBestEffort();
  final CountDownLatch eventStreamClosed = new CountDownLatch(1);
  final CountDownLatch slowBodyClosed = new CountDownLatch(1);
  final CountDownLatch hangingRequestClosed = new CountDownLatch(1);
  final CountDownLatch floodClosed = new CountDownLatch(1);

  /** Each WebSocket frame that reached this upstream, as UTF-8 text. */
  final BlockingQueue<String> framesFromProxy = new LinkedBlockingQueue<>();

  final BlockingQueue<Integer> requestChunks = new LinkedBlockingQueue<>();
  final CompletableFuture<Integer> closeCodeFromProxy = new CompletableFuture<>();
  final CountDownLatch webSocketGone = new CountDownLatch(1);
  volatile String webSocketProtocol;

  private static final String FLOOD_CHUNK = "x".repeat(8 * 1024);

  private final DisposableServer server;

  EchoUpstream(int port) {
    server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(port)
            .route(
                routes ->
                    routes
                        .route(
                            request -> request.uri().startsWith("/echo"),
                            (request, response) -> {
                              lastUri = request.uri();
                              Map<String, String> headers = new TreeMap<>();
                              request
                                  .requestHeaders()
                                  .forEach(
                                      e ->
                                          headers.merge(
                                              e.getKey().toLowerCase(java.util.Locale.ROOT),
                                              e.getValue(),
                                              (a, b) -> a + "|" + b));
                              lastHeaders = headers;
                              return response
                                  .header("WWW-Authenticate", "Basic realm=\"upstream\"")
                                  .header("Set-Cookie", "workspace_token=planted; Path=/")
                                  .header("Set-Cookie", "theirs=1; Path=/")
                                  .header("Connection", "X-Upstream-Hop")
                                  .header("X-Upstream-Hop", "1")
                                  .header("X-Upstream-Kept", "1")
                                  .sendString(
                                      request
                                          .receive()
                                          .doOnNext(
                                              chunk -> requestChunks.add(chunk.readableBytes()))
                                          .map(chunk -> (long) chunk.readableBytes())
                                          .reduce(0L, Long::sum)
                                          .map(size -> request.method() + " " + size));
                            })
                        .get(
                            "/events",
                            (request, response) ->
                                response
                                    .header("Content-Type", "text/event-stream")
                                    .sendString(
                                        Flux.concat(
                                                Mono.just(": open\n\n"),
                                                events.asFlux().map(e -> "data: " + e + "\n\n"))
                                            .doFinally(signal -> eventStreamClosed.countDown())))
                        .get(
                            "/slow",
                            (request, response) ->
                                response
                                    .header("Content-Type", "text/plain")
                                    .sendString(
                                        Flux.concat(Mono.just("first\n"), Flux.<String>never())
                                            .doFinally(signal -> slowBodyClosed.countDown())))
                        .get(
                            "/hang",
                            (request, response) ->
                                Mono.<Void>never()
                                    .doFinally(signal -> hangingRequestClosed.countDown()))
                        .get(
                            "/flood",
                            (request, response) ->
                                response
                                    .header("Content-Type", "application/octet-stream")
                                    .sendString(
                                        Flux.<String>generate(sink -> sink.next(FLOOD_CHUNK))
                                            .doFinally(signal -> floodClosed.countDown())))
                        .get(
                            "/event-flood",
                            (request, response) ->
                                response
                                    .header("Content-Type", "text/event-stream")
                                    .sendString(
                                        Flux.<String>generate(
                                                sink -> sink.next("data: " + FLOOD_CHUNK + "\n\n"))
                                            .doFinally(signal -> floodClosed.countDown())))
                        .ws(
                            "/ws",
                            (in, out) -> {
                              lastHeaders =
                                  Map.of(
                                      "authorization",
                                      String.valueOf(in.headers().get("Authorization")));
                              webSocketProtocol = in.headers().get("Sec-WebSocket-Protocol");
                              in.receiveCloseStatus()
                                  .subscribe(status -> closeCodeFromProxy.complete(status.code()));
                              return out.sendObject(
                                      in.aggregateFrames(16 * 1024 * 1024)
                                          .receiveFrames()
                                          .doOnNext(
                                              frame ->
                                                  framesFromProxy.add(
                                                      frame
                                                          .content()
                                                          .toString(StandardCharsets.UTF_8)))
                                          .map(WebSocketFrame::retain)
                                          .flatMap(frame -> reply(frame, out)))
                                  .then()
                                  .doFinally(signal -> webSocketGone.countDown());
                            },
                            WebsocketServerSpec.builder()
                                .protocols("tty")
                                .maxFramePayloadLength(16 * 1024 * 1024)
                                .build()))
            .bindNow(Duration.ofSeconds(10));
  }

  /** Echoes a frame, except the text {@code close:<code>}, which closes with that code. */
  private static org.reactivestreams.Publisher<WebSocketFrame> reply(
      WebSocketFrame frame, reactor.netty.http.websocket.WebsocketOutbound out) {
    String text = frame.content().toString(StandardCharsets.UTF_8);
    if (text.startsWith("close:")) {
      frame.release();
      int code = Integer.parseInt(text.substring("close:".length()));
      return out.sendClose(code, "upstream says bye").then(Mono.empty());
    }
    return Mono.just(frame);
  }

  int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.disposeNow();
  }
}
