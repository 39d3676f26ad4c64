package io.workspacebackend.console.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The disconnected banner's model: one message, a doubling countdown, one question at a time. */
class ReconnectionTest {
  /** Questions asked and not yet answered; the test answers them. */
  private final List<Consumer<Boolean>> pending = new ArrayList<>();

  private final Reconnection reconnection = new Reconnection(pending::add);

  @Test
  void theDelayDoublesFromOneSecondToThirtySeconds() {
    assertThat(List.of(0, 1, 2, 3, 4, 5, 6, 40).stream().map(Reconnection::delayAfter))
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(16),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30));
  }

  @Test
  void manyFailuresWhileDisconnectedMakeOneMessageAndOneQuestion() {
    for (int i = 0; i < 50; i++) {
      reconnection.lost();
    }

    assertThat(reconnection.disconnectedProperty().get()).isTrue();
    assertThat(reconnection.messageProperty().get()).isEqualTo("Disconnected — retrying in 1s");
    reconnection.tick();
    reconnection.tick();
    reconnection.tick();
    assertThat(pending).hasSize(1);
  }

  @Test
  void theCountdownStartsAgainLongerAfterEachUnansweredQuestion() {
    reconnection.lost();
    reconnection.tick();
    answer(false);
    assertThat(reconnection.messageProperty().get()).isEqualTo("Disconnected — retrying in 2s");
    reconnection.tick();
    assertThat(reconnection.messageProperty().get()).isEqualTo("Disconnected — retrying in 1s");
    reconnection.tick();
    answer(false);

    assertThat(reconnection.messageProperty().get()).isEqualTo("Disconnected — retrying in 4s");
    for (int i = 0; i < 3; i++) {
      reconnection.tick();
    }
    assertThat(pending).isEmpty();
    reconnection.tick();
    assertThat(pending).hasSize(1);
  }

  @Test
  void retryNowAsksAtOnceButNeverTwiceAtTheSameTime() {
    reconnection.lost();
    reconnection.retryNow();
    reconnection.retryNow();
    reconnection.tick();

    assertThat(pending).hasSize(1);
  }

  @Test
  void anAnswerHidesTheMessageAndReloadsTheViewsOnce() {
    List<String> reloads = new ArrayList<>();
    reconnection.whenReconnected(() -> reloads.add("sessions"));
    reconnection.whenReconnected(() -> reloads.add("invites"));
    reconnection.lost();
    reconnection.retryNow();

    answer(true);

    assertThat(reconnection.disconnectedProperty().get()).isFalse();
    assertThat(reconnection.messageProperty().get()).isEmpty();
    assertThat(reloads).containsExactly("sessions", "invites");
    reconnection.tick();
    assertThat(pending).isEmpty();
  }

  @Test
  void aLossAfterReconnectingStartsAgainAtOneSecond() {
    reconnection.lost();
    reconnection.retryNow();
    answer(false);
    reconnection.retryNow();
    answer(true);

    reconnection.lost();

    assertThat(reconnection.messageProperty().get()).isEqualTo("Disconnected — retrying in 1s");
  }

  @Test
  void onlyAMissingAnswerIsAConnectionLoss() {
    assertThat(Reconnection.isConnectionLoss(new IOException("reset"))).isTrue();
    assertThat(Reconnection.isConnectionLoss(new IllegalStateException("bug"))).isFalse();
  }

  private void answer(boolean answered) {
    if (!pending.isEmpty()) {
      pending.remove(0).accept(answered);
    }
  }
}
