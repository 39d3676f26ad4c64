package io.workspacebackend.console.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalEndTest {
  @Test
  void aDeletedSessionsTerminalSaysSoAndOffersNoReconnect() {
    assertThat(TerminalEnd.closed(4404, "session deleted"))
        .isEqualTo(new TerminalEnd("The session was deleted.", false));
  }

  @Test
  void aStoppedSessionsTerminalSaysWhereToStartItAndOffersReconnect() {
    assertThat(TerminalEnd.closed(4409, "session stopped"))
        .isEqualTo(
            new TerminalEnd("The session was stopped. Start it from the Sessions tab.", true));
  }

  @Test
  void aFailedSessionsTerminalSaysItFailed() {
    assertThat(TerminalEnd.closed(4409, "session failed").message())
        .isEqualTo("The session failed. Start it again from the Sessions tab.");
  }

  @Test
  void anotherCloseNamesItsCodeAndOffersReconnect() {
    assertThat(TerminalEnd.closed(1005, ""))
        .isEqualTo(
            new TerminalEnd(
                "The terminal's connection closed: the server closed it (code 1005).", true));
  }

  @Test
  void aRefusedHandshakeForAMissingSessionOffersNoReconnect() {
    assertThat(TerminalEnd.refused(404).reconnectable()).isFalse();
    assertThat(TerminalEnd.refused(409).reconnectable()).isTrue();
  }
}
