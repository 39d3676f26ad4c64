package io.workspacebackend.examples;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.resources.ConnectionProvider;

/**
 * A client out on the internet: it reaches the proxy by the example's public host names (see {@link
 * LoopbackNames}) and trusts only the certificates it is given, checking each against the name it
 * asked for, as browsers and the SDKs do.
 */
final class PublicClient {
  private static final Duration ANSWER = Duration.ofSeconds(30);

  private final HttpClient http;

  PublicClient(List<X509Certificate> trusted) throws SSLException {
    SslContext tls = SslContextBuilder.forClient().trustManager(trusted).build();
    this.http =
        HttpClient.create(ConnectionProvider.newConnection())
            .resolver(new LoopbackNames())
            .secure(spec -> spec.sslContext(tls));
  }

  /** A whole answer. */
  record Answer(int status, HttpHeaders headers, String body) {}

  Answer get(String url, Map<String, String> headers) {
    return http.headers(all -> headers.forEach(all::set))
        .get()
        .uri(url)
        .responseSingle(
            (response, body) ->
                body.asString()
                    .defaultIfEmpty("")
                    .map(
                        text ->
                            new Answer(response.status().code(), response.responseHeaders(), text)))
        .block(ANSWER);
  }

  Answer send(HttpMethod method, String url, Map<String, String> headers, String body) {
    return http.headers(all -> headers.forEach(all::set))
        .request(method)
        .uri(url)
        .send(Mono.fromSupplier(() -> Unpooled.copiedBuffer(body, StandardCharsets.UTF_8)))
        .responseSingle(
            (response, answer) ->
                answer
                    .asString()
                    .defaultIfEmpty("")
                    .map(
                        text ->
                            new Answer(response.status().code(), response.responseHeaders(), text)))
        .block(ANSWER);
  }

  /** Follows a streamed answer (an event stream) as it arrives, until closed. */
  StreamedText follow(String url, Map<String, String> headers) {
    StreamedText text = new StreamedText();
    text.following(
        http.headers(all -> headers.forEach(all::set))
            .get()
            .uri(url)
            .response(
                (response, body) -> {
                  text.status(response.status().code());
                  return body.asString();
                })
            .subscribe(text::append, text::failed, text::ended));
    return text;
  }

  /**
   * Opens a terminal WebSocket, speaks ttyd's protocol as its page does (an init message whose
   * token the backend fills in, then keys) and returns the screen once it shows {@code expected}.
   */
  String terminal(String url, Map<String, String> headers, String keys, String expected) {
    List<String> messages = List.of("{\"AuthToken\":\"\",\"columns\":80,\"rows\":24}", "0" + keys);
    return http.headers(all -> headers.forEach(all::set))
        .websocket(
            WebsocketClientSpec.builder().protocols("tty").maxFramePayloadLength(1 << 20).build())
        .uri(url)
        .handle(
            (in, out) -> {
              // ttyd's output frames start with '0'; '1' (title) and '2' (preferences) do not.
              Flux<String> screen =
                  in.receiveFrames()
                      .ofType(BinaryWebSocketFrame.class)
                      .map(frame -> frame.content().toString(StandardCharsets.UTF_8))
                      .filter(frame -> frame.startsWith("0"))
                      .scan("", (before, frame) -> before + frame.substring(1))
                      .filter(shown -> shown.contains(expected))
                      .take(1);
              Mono<Void> typed =
                  out.sendObject(
                          Flux.fromIterable(messages)
                              .map(
                                  message ->
                                      new BinaryWebSocketFrame(
                                          Unpooled.copiedBuffer(message, StandardCharsets.UTF_8))))
                      .then();
              return typed.thenMany(screen);
            })
        .blockFirst(Duration.ofSeconds(60));
  }
}
