package io.workspacebackend.console.connection;

import io.workspacebackend.client.ApiException;
import io.workspacebackend.client.SessionEventListener;
import io.workspacebackend.client.Subscription;
import io.workspacebackend.console.ui.ErrorText;
import io.workspacebackend.console.ui.Workbench;
import io.workspacebackend.model.invite.Invite;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.user.User;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;

/**
 * An admin window's own subscription to {@code /api/events} for its Users and Invites tabs, which
 * follow users and invite codes as they change (the Sessions tab follows the stream on its own).
 * Listeners are called on the FX thread. When the stream was down, events may have been missed:
 * once it is followed again, listeners are told to list everything anew.
 */
public final class AdminEventStream implements AutoCloseable {
  private static final javafx.util.Duration RETRY_DELAY = javafx.util.Duration.seconds(2);

  /** What a tab follows; every method is called on the FX thread. */
  public interface Listener {
    default void user(User user) {}

    default void invite(Invite invite) {}

    /** The stream is followed again after a break: list everything anew. */
    default void resumed() {}
  }

  private final Workbench workbench;
  private final List<Listener> listeners = new ArrayList<>();
  private Subscription events;
  private boolean closed;

  public AdminEventStream(Workbench workbench) {
    this.workbench = workbench;
    workbench.whenReconnected(this::resume);
    subscribe();
  }

  public void follow(Listener listener) {
    listeners.add(listener);
  }

  @Override
  public void close() {
    closed = true;
    if (events != null) {
      events.close();
    }
  }

  private void subscribe() {
    events =
        workbench
            .client()
            .followEvents(
                new SessionEventListener() {
                  @Override
                  public void session(Session session) {
                    // The Sessions tab shows these, from its own stream.
                  }

                  @Override
                  public void user(User user) {
                    Platform.runLater(() -> tell(listener -> listener.user(user)));
                  }

                  @Override
                  public void invite(Invite invite) {
                    Platform.runLater(() -> tell(listener -> listener.invite(invite)));
                  }
                },
                failure -> Platform.runLater(() -> ended(failure)));
  }

  private void ended(Throwable failure) {
    if (closed) {
      return;
    }
    if (ErrorText.isSignedOut(failure) || Reconnection.isConnectionLoss(failure)) {
      // Signed out: back to the start screen. Server gone: the window's banner retries and
      // calls resume() when it answers.
      workbench.failed("Live updates of users and invite codes stopped", failure);
      return;
    }
    if (failure instanceof ApiException api && api.status() == 403) {
      // The admin role was removed: nothing here would be let in any more. Said once.
      workbench.failed("Live updates of users and invite codes stopped", failure);
      return;
    }
    // The server answered but ended the stream: follow it again after a moment.
    Timeline retry = new Timeline(new KeyFrame(RETRY_DELAY, tick -> resume()));
    retry.play();
  }

  private void resume() {
    if (closed) {
      return;
    }
    if (events != null) {
      events.close();
    }
    subscribe();
    tell(Listener::resumed);
  }

  private void tell(Consumer<Listener> call) {
    if (!closed) {
      List.copyOf(listeners).forEach(call);
    }
  }
}
