package io.workspacebackend.proxy;

import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.workspacebackend.auth.ConnectionGrant;
import io.workspacebackend.auth.LiveConnection;
import io.workspacebackend.auth.LiveConnections;
import io.workspacebackend.auth.Revocation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import reactor.util.retry.Retry;

/**
 * One terminal WebSocket: the client's connection, accepted at once, joined to ttyd's {@code /ws}
 * as soon as ttyd accepts (retrying with backoff for up to {@code patience}, then closing with a
 * reason). Once joined, two pumps move frames — text, binary, ping and pong — each way, and a close
 * on either side is passed to the other with its code. The connection is registered with {@link
 * LiveConnections} while it lasts: when its access is withdrawn, nothing more reaches ttyd and both
 * sides are closed with {@link CloseCodes#revoked} and the reason.
 */
final class TerminalBridge implements WebSocketHandler {
  static final String SUBPROTOCOL = "tty";
  private static final Duration FIRST_RETRY = Duration.ofMillis(100);
  private static final Duration LONGEST_RETRY = Duration.ofSeconds(1);

  private final HttpClient client;
  private final Upstream upstream;
  private final HttpHeaders dialHeaders;
  private final String pathAndQuery;
  private final Duration patience;
  private final TerminalInit init;
  private final int maxFramePayload;
  private final LiveConnections connections;
  private final ConnectionGrant grant;
  private final Runnable worked;

  TerminalBridge(
      HttpClient client,
      Upstream upstream,
      HttpHeaders dialHeaders,
      String pathAndQuery,
      Duration patience,
      TerminalInit init,
      int maxFramePayload,
      LiveConnections connections,
      ConnectionGrant grant,
      Runnable worked) {
    this.client = client;
    this.upstream = upstream;
    this.dialHeaders = dialHeaders;
    this.pathAndQuery = pathAndQuery;
    this.patience = patience;
    this.init = init;
    this.maxFramePayload = maxFramePayload;
    this.connections = connections;
    this.grant = grant;
    this.worked = worked;
  }

  @Override
  public List<String> getSubProtocols() {
    return List.of(SUBPROTOCOL);
  }

  @Override
  public Mono<Void> handle(WebSocketSession session) {
    return Mono.using(
        () -> connections.open(grant), live -> bridge(session, live), LiveConnection::close);
  }

  private Mono<Void> bridge(WebSocketSession session, LiveConnection live) {
    AtomicBoolean joined = new AtomicBoolean();
    long deadline = System.nanoTime() + patience.toNanos();
    Mono<Void> dial =
        client
            .headers(outgoing -> dialHeaders.forEach(outgoing::add))
            .websocket(
                WebsocketClientSpec.builder()
                    .protocols(SUBPROTOCOL)
                    .maxFramePayloadLength(maxFramePayload)
                    .handlePing(true)
                    .build())
            .uri(upstream.webSocket(pathAndQuery))
            .handle(
                (in, out) -> {
                  joined.set(true);
                  return pump(session, in, out, live);
                })
            .then()
            .retryWhen(
                Retry.backoff(Long.MAX_VALUE, FIRST_RETRY)
                    .maxBackoff(LONGEST_RETRY)
                    .filter(
                        error ->
                            !joined.get()
                                && StartupGate.notListening(error)
                                && System.nanoTime() - deadline < 0));
    // A client that leaves before ttyd answers ends the dialling; after that, the pumps see it.
    Mono<CloseStatus> leftBeforeJoining =
        session
            .closeStatus()
            .flatMap(status -> joined.get() ? Mono.<CloseStatus>never() : Mono.just(status))
            .switchIfEmpty(Mono.never());
    Mono<Revocation> revokedBeforeJoining =
        live.revoked().flatMap(why -> joined.get() ? Mono.<Revocation>never() : Mono.just(why));
    // Closed only once the dialling is cancelled: closing the session ends leftBeforeJoining,
    // which would cancel a close still in flight.
    Mono<Void> closeIfRevokedBeforeJoining =
        Mono.defer(
            () ->
                joined.get()
                    ? Mono.empty()
                    : Mono.justOrEmpty(live.revocation())
                        .flatMap(why -> session.close(revokedStatus(why))));
    return dial.onErrorResume(
            error -> !joined.get(),
            error ->
                session.close(
                    new CloseStatus(CloseCodes.TRY_AGAIN_LATER, CloseCodes.reason(gaveUp(error)))))
        .takeUntilOther(leftBeforeJoining)
        .takeUntilOther(revokedBeforeJoining)
        .then(closeIfRevokedBeforeJoining);
  }

  private static CloseStatus revokedStatus(Revocation why) {
    return new CloseStatus(CloseCodes.revoked(why), CloseCodes.reason(why.reason()));
  }

  private String gaveUp(Throwable error) {
    String cause =
        error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    return "the terminal did not answer within " + patience.toSeconds() + " s: " + cause;
  }

  private Mono<Void> pump(
      WebSocketSession session, WebsocketInbound in, WebsocketOutbound out, LiveConnection live) {
    NettyDataBufferFactory buffers = (NettyDataBufferFactory) session.bufferFactory();
    // Checked per message, so that a key typed after the revocation never reaches ttyd, even
    // before the close frames are out.
    Mono<Void> toTtyd =
        out.sendObject(
                session
                    .receive()
                    .filter(message -> !live.isRevoked())
                    .doOnNext(message -> workedIf(message.getType() != WebSocketMessage.Type.PONG))
                    .map(init::toUpstream))
            .then()
            .onErrorResume(e -> Mono.empty());
    Mono<Void> toClient =
        session
            .send(
                in.aggregateFrames(maxFramePayload)
                    .receiveFrames()
                    .doOnNext(
                        frame ->
                            workedIf(
                                frame instanceof TextWebSocketFrame
                                    || frame instanceof BinaryWebSocketFrame))
                    .mapNotNull(frame -> toClient(buffers, frame)))
            .onErrorResume(e -> Mono.empty());
    Mono<Void> clientClosed =
        session
            .closeStatus()
            .defaultIfEmpty(CloseStatus.NO_CLOSE_FRAME)
            .flatMap(
                status ->
                    out.sendClose(
                        CloseCodes.forwardable(status.getCode()),
                        CloseCodes.reason(status.getReason())))
            .onErrorResume(e -> Mono.empty());
    Mono<Void> ttydClosed =
        in.receiveCloseStatus()
            .defaultIfEmpty(WebSocketCloseStatus.ABNORMAL_CLOSURE)
            .flatMap(
                status ->
                    session.isOpen()
                        ? session.close(
                            new CloseStatus(
                                CloseCodes.forwardable(status.code()),
                                CloseCodes.reason(status.reasonText())))
                        : Mono.empty())
            .onErrorResume(e -> Mono.empty());
    // On revocation both sides are closed, and the pumps then end as for any close. The closes
    // run on their own: cancelled half-way (as the pumps ending would), Reactor Netty releases
    // their frames twice.
    Disposable closeOnRevocation =
        live.revoked()
            .subscribe(
                why ->
                    Mono.when(
                            out.sendClose(CloseCodes.revoked(why), CloseCodes.reason(why.reason())),
                            session.close(revokedStatus(why)))
                        .onErrorResume(e -> Mono.empty())
                        .subscribe());
    return Mono.when(toTtyd, toClient, clientClosed, ttydClosed)
        .doFinally(signal -> closeOnRevocation.dispose());
  }

  /** The frame as a message for the client; null for frames Reactor Netty handles itself. */
  /** Keys typed and output shown are a session's work; pings and pongs are not. */
  private void workedIf(boolean data) {
    if (data) {
      worked.run();
    }
  }

  private static WebSocketMessage toClient(NettyDataBufferFactory buffers, WebSocketFrame frame) {
    WebSocketMessage.Type type;
    if (frame instanceof TextWebSocketFrame) {
      type = WebSocketMessage.Type.TEXT;
    } else if (frame instanceof BinaryWebSocketFrame) {
      type = WebSocketMessage.Type.BINARY;
    } else if (frame instanceof PingWebSocketFrame) {
      type = WebSocketMessage.Type.PING;
    } else if (frame instanceof PongWebSocketFrame) {
      type = WebSocketMessage.Type.PONG;
    } else {
      return null;
    }
    // Retained: Reactor Netty releases the frame after this call; the server releases the copy.
    return new WebSocketMessage(type, buffers.wrap(frame.content().retain()));
  }
}
