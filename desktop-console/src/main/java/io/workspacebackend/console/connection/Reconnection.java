package io.workspacebackend.console.connection;

import io.workspacebackend.client.ApiException;
import io.workspacebackend.client.ServerUnreachableException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the signed-in window knows about its server's reachability: once a request finds the server
 * gone it says so in one message, asks the server again after a delay that doubles from 1 s to 30 s
 * (one question at a time), and tells the views to reload when the server answers. Time passes by
 * {@link #tick()}, once a second, so that tests need no clock.
 */
public final class Reconnection {
  static final Duration FIRST_DELAY = Duration.ofSeconds(1);
  static final Duration LONGEST_DELAY = Duration.ofSeconds(30);

  /** Asks the server something cheap; reports on the FX thread whether it answered at all. */
  @FunctionalInterface
  public interface Probe {
    void check(Consumer<Boolean> answered);
  }

  private final Probe probe;
  private final List<Runnable> reconnected = new ArrayList<>();
  private final ReadOnlyBooleanWrapper disconnected = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private int failedProbes;
  private long secondsLeft;
  private boolean probing;

  public Reconnection(Probe probe) {
    this.probe = probe;
  }

  /** Whether {@code failure} means no answer from the server, rather than an answer saying no. */
  public static boolean isConnectionLoss(Throwable failure) {
    if (failure instanceof ApiException api) {
      // What a proxy in front of a stopped backend answers.
      return api.status() == 502 || api.status() == 503 || api.status() == 504;
    }
    return failure instanceof ServerUnreachableException || failure instanceof IOException;
  }

  /** The delay before the next question after {@code failedProbes} unanswered ones. */
  static Duration delayAfter(int failedProbes) {
    long seconds = FIRST_DELAY.toSeconds() << Math.min(failedProbes, 30);
    return Duration.ofSeconds(Math.min(seconds, LONGEST_DELAY.toSeconds()));
  }

  /** Runs {@code action} each time the server answers again after being lost. */
  public void whenReconnected(Runnable action) {
    reconnected.add(action);
  }

  /** A request found no server. Repeated reports while already disconnected change nothing. */
  public void lost() {
    if (disconnected.get()) {
      return;
    }
    disconnected.set(true);
    failedProbes = 0;
    waitFor(delayAfter(failedProbes));
  }

  /** One second passed. */
  public void tick() {
    if (!disconnected.get() || probing) {
      return;
    }
    secondsLeft--;
    if (secondsLeft <= 0) {
      ask();
    } else {
      describe();
    }
  }

  /** Asks the server now instead of at the end of the countdown (ignored while asking). */
  public void retryNow() {
    if (disconnected.get() && !probing) {
      ask();
    }
  }

  public ReadOnlyBooleanProperty disconnectedProperty() {
    return disconnected.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  private void ask() {
    probing = true;
    message.set("Disconnected — retrying now…");
    probe.check(this::answered);
  }

  private void answered(boolean answered) {
    probing = false;
    if (answered) {
      disconnected.set(false);
      message.set("");
      List.copyOf(reconnected).forEach(Runnable::run);
      return;
    }
    failedProbes++;
    waitFor(delayAfter(failedProbes));
  }

  private void waitFor(Duration wait) {
    secondsLeft = wait.toSeconds();
    describe();
  }

  private void describe() {
    message.set("Disconnected — retrying in " + secondsLeft + "s");
  }
}
