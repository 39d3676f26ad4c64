package io.workspacebackend.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogLinesTest {
  @Test
  void linesSplitAcrossFramesAreJoinedPerStreamAndTheRestIsFlushed() {
    LogLines lines = new LogLines();

    assertThat(lines.accept(frame(StreamType.STDOUT, "hel"))).isEmpty();
    assertThat(lines.accept(frame(StreamType.STDERR, "oops\r\nhalf"))).containsExactly("oops");
    assertThat(lines.accept(frame(StreamType.STDOUT, "lo\nworld\nun")))
        .containsExactly("hello", "world");
    assertThat(lines.flush()).containsExactlyInAnyOrder("un", "half");
    assertThat(lines.flush()).isEmpty();
  }

  private static Frame frame(StreamType type, String text) {
    return new Frame(type, text.getBytes(StandardCharsets.UTF_8));
  }
}
