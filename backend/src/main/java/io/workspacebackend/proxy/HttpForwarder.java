package io.workspacebackend.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.workspacebackend.auth.ConnectionGrant;
import io.workspacebackend.auth.LiveConnection;
import io.workspacebackend.auth.LiveConnections;
import io.workspacebackend.auth.Revocation;
import io.workspacebackend.proxy.HeaderPolicy.Direction;
import io.workspacebackend.proxy.HeaderPolicy.Forwarding;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.http.support.Netty4HeadersAdapter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.NettyPipeline;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Forwards one HTTP request to a session's service and streams the answer back: request and
 * response bodies pass through as buffers as they arrive, never collected; an event stream is
 * flushed chunk by chunk; the upstream connection is closed as soon as the client goes away.
 *
 * <p>No request waits without end: the service must begin its answer within the response timeout,
 * and then never fall silent for longer (504 while no answer has begun, a broken-off body after).
 * An event stream has no such bound on silence but the stream idle timeout, and none on its total
 * length.
 *
 * <p>Each request is registered with {@link LiveConnections} while it lasts. When its access is
 * withdrawn, an answer not begun yet is the problem of why; an event stream ends with {@link
 * EventStreamEnding}; any other body (and a request body still being sent) is broken off, so that
 * neither side takes a cut one for whole.
 */
final class HttpForwarder {
  private static final Logger log = LoggerFactory.getLogger(HttpForwarder.class);

  private final HttpClient client;
  private final LiveConnections connections;
  private final JsonMapper json;
  private final Duration streamIdleTimeout;

  HttpForwarder(
      HttpClient client,
      LiveConnections connections,
      JsonMapper json,
      Duration responseTimeout,
      Duration streamIdleTimeout) {
    // Reactor Netty's response timeout bounds each wait for the next read once the request is
    // sent: the answer's beginning, then every gap in its body.
    this.client = client.responseTimeout(responseTimeout);
    this.connections = connections;
    this.json = json;
    this.streamIdleTimeout = streamIdleTimeout;
  }

  /** {@code prefixSegments}: how many leading path segments name the session and service. */
  Mono<Void> forward(
      ServerWebExchange exchange, Upstream upstream, int prefixSegments, ConnectionGrant grant) {
    return Mono.using(
        () -> connections.open(grant),
        live -> forward(exchange, upstream, prefixSegments, live),
        LiveConnection::close);
  }

  private Mono<Void> forward(
      ServerWebExchange exchange, Upstream upstream, int prefixSegments, LiveConnection live) {
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
            ? sender.send((upstreamRequest, out) -> out.send(requestBody(request, live)))
            : sender;
    AtomicBoolean answered = new AtomicBoolean();
    Mono<Revocation> revokedBeforeAnswer =
        live.revoked().flatMap(why -> answered.get() ? Mono.<Revocation>never() : Mono.just(why));
    return receiver
        .responseConnection(
            (response, connection) -> {
              answered.set(true);
              return relay(exchange, upstream, forwarding, response, connection, live);
            })
        .then()
        .takeUntilOther(revokedBeforeAnswer)
        .then(
            Mono.defer(
                () ->
                    answered.get()
                        ? Mono.<Void>empty()
                        : Mono.justOrEmpty(live.revocation()).flatMap(HttpForwarder::revokedError)))
        .onErrorMap(
            error -> !exchange.getResponse().isCommitted(),
            error ->
                live.revocation()
                    .<Throwable>map(AccessRevokedException::new)
                    .orElseGet(() -> StartupGate.failure(upstream, error)));
  }

  /**
   * The client's body as it arrives, until the access is withdrawn. Spring hands each buffer over
   * retained, so none may be dropped on the way: the withdrawal is acted on in the event loop that
   * reads the body, and one discarded (the forwarding cancelled) is released.
   */
  private static Flux<ByteBuf> requestBody(ServerHttpRequest request, LiveConnection live) {
    return live.until(request.getBody(), readingThread(request), HttpForwarder::revokedError)
        .doOnDiscard(DataBuffer.class, DataBufferUtils::release)
        .map(NettyDataBufferFactory::toByteBuf);
  }

  /** The event loop that reads the client's connection, where its body's buffers are emitted. */
  private static Scheduler readingThread(ServerHttpRequest request) {
    return ServerHttpRequestDecorator.getNativeRequest(request) instanceof Connection connection
        ? Schedulers.fromExecutor(connection.channel().eventLoop())
        : Schedulers.immediate();
  }

  private Mono<Void> relay(
      ServerWebExchange exchange,
      Upstream upstream,
      Forwarding forwarding,
      HttpClientResponse upstreamResponse,
      Connection connection,
      LiveConnection live) {
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(HttpStatusCode.valueOf(upstreamResponse.status().code()));
    HttpHeaders received =
        new HttpHeaders(new Netty4HeadersAdapter(upstreamResponse.responseHeaders()));
    response.getHeaders().putAll(HeaderPolicy.apply(Direction.RESPONSE, received, forwarding));
    NettyDataBufferFactory buffers =
        response.bufferFactory() instanceof NettyDataBufferFactory netty
            ? netty
            : new NettyDataBufferFactory(connection.channel().alloc());
    // Buffers are retained here and released by the server once written. None may be dropped on
    // the way: a withdrawal is acted on in the event loop that reads them, and one discarded (the
    // client gone) is released. On cancel or error the upstream connection is closed rather than
    // returned to the pool half read.
    Flux<DataBuffer> body =
        connection
            .inbound()
            .receive()
            .retain()
            .map(buffers::wrap)
            .cast(DataBuffer.class)
            .doOnCancel(connection::dispose)
            .doOnError(error -> connection.dispose());
    Scheduler readingThread = Schedulers.fromExecutor(connection.channel().eventLoop());
    MediaType type = received.getContentType();
    Flux<DataBuffer> answer;
    if (type != null && MediaType.TEXT_EVENT_STREAM.isCompatibleWith(type)) {
      // Same name, so that Reactor Netty still removes it when the connection ends.
      ChannelPipeline pipeline = connection.channel().pipeline();
      if (pipeline.get(NettyPipeline.ResponseTimeoutHandler) != null) {
        pipeline.replace(
            NettyPipeline.ResponseTimeoutHandler,
            NettyPipeline.ResponseTimeoutHandler,
            new ReadTimeoutHandler(streamIdleTimeout.toMillis(), TimeUnit.MILLISECONDS));
      }
      EventStreamEnding ending = new EventStreamEnding(json);
      answer =
          live.until(
              // A stream gone silent or cut by the service (its container died) ends as a whole
              // one would: a client reconnects, as after any end, and learns the session's state.
              ending.watch(
                  body.onErrorResume(
                      HttpForwarder::upstreamFailed,
                      error -> {
                        log.debug("{} ended its event stream: {}", upstream, error.toString());
                        return Flux.empty();
                      })),
              readingThread,
              why ->
                  response.isCommitted() && !ending.betweenEvents()
                      ? breakOff(response, new AccessRevokedException(why))
                      : Flux.just(ending.lastEvent(why, buffers)));
    } else {
      answer =
          live.until(
                  body, readingThread, why -> breakOff(response, new AccessRevokedException(why)))
              .onErrorResume(
                  HttpForwarder::upstreamFailed,
                  failure -> {
                    boolean silent = failure instanceof ReadTimeoutException;
                    log.warn(
                        "{} {} in the middle of an answer; broke it off",
                        upstream,
                        silent ? "fell silent" : "failed (" + failure + ")");
                    return breakOff(
                        response,
                        new UpstreamFailedException(
                            upstream,
                            silent ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY,
                            failure));
                  });
    }
    // Events too are written as one stream: Reactor Netty flushes whenever nothing more has
    // arrived, so each event leaves as it comes. writeAndFlushWith(events.map(Flux::just)) would
    // hold buffers in groups not yet written that a client going away never releases.
    return response.writeWith(answer.doOnDiscard(DataBuffer.class, DataBufferUtils::release));
  }

  /**
   * Ends an answer cut short so that the client sees it cut short: one not begun is the problem
   * {@code unbegun}; one under way loses its connection (completing it would pass a truncated body
   * as whole).
   */
  private static Flux<DataBuffer> breakOff(ServerHttpResponse response, Throwable unbegun) {
    return Flux.defer(
        () -> {
          if (!response.isCommitted()) {
            response.getHeaders().clear();
            return Flux.error(unbegun);
          }
          if (ServerHttpResponseDecorator.getNativeResponse(response)
              instanceof Connection clientConnection) {
            clientConnection.dispose();
          }
          return Flux.empty();
        });
  }

  /** The service's side failed mid-answer: silent past the timeout, reset, or closed early. */
  private static boolean upstreamFailed(Throwable error) {
    return error instanceof ReadTimeoutException
        || error instanceof PrematureCloseException
        || error instanceof java.io.IOException;
  }

  private static <T> Mono<T> revokedError(Revocation why) {
    return Mono.error(new AccessRevokedException(why));
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
