package io.workspacebackend.proxy;

import io.workspacebackend.proxy.HeaderPolicy.Direction;
import io.workspacebackend.proxy.HeaderPolicy.Forwarding;
import java.net.InetSocketAddress;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;

/**
 * Forwards one HTTP request to a session's service and streams the answer back: request and
 * response bodies pass through as buffers as they arrive, never collected; an event stream is
 * flushed chunk by chunk; the upstream connection is closed as soon as the client goes away.
 */
final class HttpForwarder {
  private final HttpClient client;

  HttpForwarder(HttpClient client) {
    this.client = client;
  }

  /** {@code prefixSegments}: how many leading path segments name the session and service. */
  Mono<Void> forward(ServerWebExchange exchange, Upstream upstream, int prefixSegments) {
    ServerHttpRequest request = exchange.getRequest();
    String target =
        ForwardedPath.of(request.getPath().value(), prefixSegments, request.getURI().getRawQuery());
    Forwarding forwarding = forwarding(request, upstream);
    HttpHeaders headers = HeaderPolicy.apply(Direction.REQUEST, request.getHeaders(), forwarding);
    HttpClient.RequestSender sender =
        client
            .headers(outgoing -> headers.forEach(outgoing::add))
            .request(io.netty.handler.codec.http.HttpMethod.valueOf(request.getMethod().name()))
            .uri(upstream.http(target));
    HttpClient.ResponseReceiver<?> receiver =
        hasBody(request.getHeaders())
            ? sender.send(
                (upstreamRequest, out) ->
                    out.send(request.getBody().map(NettyDataBufferFactory::toByteBuf)))
            : sender;
    return receiver
        .responseConnection(
            (response, connection) -> relay(exchange, forwarding, response, connection))
        .then()
        .onErrorMap(
            error -> !exchange.getResponse().isCommitted(),
            error -> StartupGate.failure(upstream, error));
  }

  private static Mono<Void> relay(
      ServerWebExchange exchange,
      Forwarding forwarding,
      HttpClientResponse upstreamResponse,
      Connection connection) {
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(HttpStatusCode.valueOf(upstreamResponse.status().code()));
    HttpHeaders received = new HttpHeaders();
    upstreamResponse
        .responseHeaders()
        .forEach(entry -> received.add(entry.getKey(), entry.getValue()));
    response.getHeaders().putAll(HeaderPolicy.apply(Direction.RESPONSE, received, forwarding));
    NettyDataBufferFactory buffers =
        response.bufferFactory() instanceof NettyDataBufferFactory netty
            ? netty
            : new NettyDataBufferFactory(connection.channel().alloc());
    // Buffers are retained here and released by the server once written; on cancel or error
    // the upstream connection is closed rather than returned to the pool half read.
    Flux<DataBuffer> body =
        connection
            .inbound()
            .receive()
            .retain()
            .map(buffers::wrap)
            .cast(DataBuffer.class)
            .doOnCancel(connection::dispose)
            .doOnError(error -> connection.dispose());
    MediaType type = received.getContentType();
    if (type != null && MediaType.TEXT_EVENT_STREAM.isCompatibleWith(type)) {
      return response.writeAndFlushWith(body.map(Flux::just));
    }
    return response.writeWith(body);
  }

  static Forwarding forwarding(ServerHttpRequest request, Upstream upstream) {
    InetSocketAddress remote = request.getRemoteAddress();
    String client =
        remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
    return new Forwarding(
        client,
        request.getURI().getScheme(),
        request.getHeaders().getFirst(HttpHeaders.HOST),
        upstream.prefix(),
        upstream.credential());
  }

  private static boolean hasBody(HttpHeaders headers) {
    return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
  }
}
