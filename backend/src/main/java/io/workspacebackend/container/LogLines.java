package io.workspacebackend.container;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts the engine's log frames into lines. docker-java has already split the multiplexed stream
 * into stdout and stderr frames, but a frame may hold part of a line or several; each stream keeps
 * its own unfinished line so that the two never mix inside one line.
 */
final class LogLines {
  private final Map<StreamType, ByteArrayOutputStream> pending = new EnumMap<>(StreamType.class);

  /** The lines this frame completes. */
  List<String> accept(Frame frame) {
    ByteArrayOutputStream buffer =
        pending.computeIfAbsent(frame.getStreamType(), type -> new ByteArrayOutputStream());
    List<String> lines = new ArrayList<>();
    for (byte b : frame.getPayload()) {
      if (b == '\n') {
        lines.add(stripCarriageReturn(buffer.toString(StandardCharsets.UTF_8)));
        buffer.reset();
      } else {
        buffer.write(b);
      }
    }
    return lines;
  }

  /** What is left when the stream ends: lines printed without a final line break. */
  List<String> flush() {
    List<String> lines = new ArrayList<>();
    for (ByteArrayOutputStream buffer : pending.values()) {
      if (buffer.size() > 0) {
        lines.add(stripCarriageReturn(buffer.toString(StandardCharsets.UTF_8)));
        buffer.reset();
      }
    }
    return lines;
  }

  private static String stripCarriageReturn(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
