package io.workspacebackend.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventStreamParserTest {
  private final List<String> events = new ArrayList<>();
  private final EventStreamParser parser =
      new EventStreamParser((name, data) -> events.add(name + "=" + data));

  @Test
  void aNamedEventIsDispatchedAtTheBlankLine() {
    feed("event: session", "data: {\"id\":1}");
    assertThat(events).isEmpty();

    feed("");

    assertThat(events).containsExactly("session={\"id\":1}");
  }

  @Test
  void dataLinesAreJoinedWithNewlinesAndOnlyOneLeadingSpaceIsDropped() {
    feed("data:first", "data:  second", "data", "");

    assertThat(events).containsExactly("message=first\n second\n");
  }

  @Test
  void commentsAndHeartbeatsDispatchNothing() {
    feed(":heartbeat", "", ": another", "", "id: 7", "retry: 100", "");

    assertThat(events).isEmpty();
  }

  @Test
  void theEventNameDoesNotCarryOverToTheNextEvent() {
    feed("event: session", "data: a", "", "data: b", "");

    assertThat(events).containsExactly("session=a", "message=b");
  }

  private void feed(String... lines) {
    for (String line : lines) {
      parser.line(line);
    }
  }
}
