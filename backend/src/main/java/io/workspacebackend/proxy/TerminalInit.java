package io.workspacebackend.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.web.reactive.socket.WebSocketMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a client's WebSocket messages into frames for ttyd. ttyd's first client message is a JSON
 * init, {@code {"AuthToken": ..., "columns": C, "rows": R}}; the client never knows the session's
 * secret, so the proxy writes the real {@code AuthToken} into it (adding the field if missing).
 * Every later message passes unchanged. One instance per connection; messages arrive in order.
 */
final class TerminalInit {
  static final String AUTH_TOKEN = "AuthToken";

  private final String authToken;
  private final JsonMapper json;
  private boolean initSeen;

  TerminalInit(String authToken, JsonMapper json) {
    this.authToken = authToken;
    this.json = json;
  }

  WebSocketFrame toUpstream(WebSocketMessage message) {
    ByteBuf payload = NettyDataBufferFactory.toByteBuf(message.getPayload());
    return switch (message.getType()) {
      case PING -> new PingWebSocketFrame(payload.retain());
      case PONG -> new PongWebSocketFrame(payload.retain());
      case TEXT -> new TextWebSocketFrame(firstWithToken(payload));
      case BINARY -> new BinaryWebSocketFrame(firstWithToken(payload));
    };
  }

  private ByteBuf firstWithToken(ByteBuf payload) {
    if (initSeen) {
      return payload.retain();
    }
    initSeen = true;
    byte[] rewritten = withToken(payload.toString(StandardCharsets.UTF_8));
    return rewritten == null ? payload.retain() : Unpooled.wrappedBuffer(rewritten);
  }

  /** The init message with the real token, or null when {@code text} is not a JSON object. */
  byte[] withToken(String text) {
    if (!text.stripLeading().startsWith("{")) {
      return null;
    }
    try {
      JsonNode node = json.readTree(text);
      if (!(node instanceof ObjectNode init)) {
        return null;
      }
      init.put(AUTH_TOKEN, authToken);
      return json.writeValueAsBytes(init);
    } catch (JacksonException e) {
      return null;
    }
  }
}
