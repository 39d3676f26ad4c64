package io.workspacebackend.proxy;

import io.workspacebackend.auth.Revocation;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a proxied event stream ends when its access is withdrawn: as {@code /api/events} does, with a
 * last {@code event: revoked} whose data is the problem — provided the service's stream stands
 * between two events. In the middle of one, the service's half event would be completed by ours, so
 * there the stream can only be broken off. One instance per stream.
 */
final class EventStreamEnding {
  private static final int LF_LF = 0x0a0a;
  private static final int CR_CR = 0x0d0d;
  private static final int CRLF_CRLF = 0x0d0a0d0a;

  private final JsonMapper json;

  /** The last four bytes passed on, the latest in the lowest byte. */
  private int lastBytes;

  private boolean anyPassed;

  EventStreamEnding(JsonMapper json) {
    this.json = json;
  }

  /** {@code body}, watched for where its events end. */
  Flux<DataBuffer> watch(Flux<DataBuffer> body) {
    return body.doOnNext(this::passed);
  }

  private synchronized void passed(DataBuffer buffer) {
    int end = buffer.writePosition();
    for (int i = Math.max(buffer.readPosition(), end - 4); i < end; i++) {
      lastBytes = (lastBytes << 8) | (buffer.getByte(i) & 0xff);
      anyPassed = true;
    }
  }

  /** Whether everything passed on so far ends with a whole event (or nothing passed yet). */
  synchronized boolean betweenEvents() {
    return !anyPassed
        || (lastBytes & 0xffff) == LF_LF
        || (lastBytes & 0xffff) == CR_CR
        || lastBytes == CRLF_CRLF;
  }

  /** The last event: {@code event: revoked} with the problem as its data. */
  DataBuffer lastEvent(Revocation why, DataBufferFactory buffers) {
    // Written as Spring writes the last event of /api/events, so that both read the same.
    String event = "event:revoked\ndata:" + json.writeValueAsString(why.problem()) + "\n\n";
    return buffers.wrap(event.getBytes(StandardCharsets.UTF_8));
  }
}
