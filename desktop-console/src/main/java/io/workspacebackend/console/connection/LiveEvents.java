package io.workspacebackend.console.connection;

import io.workspacebackend.client.ApiException;
import io.workspacebackend.client.SessionEventListener;
import io.workspacebackend.client.Subscription;
import io.workspacebackend.console.ui.ErrorText;
import io.workspacebackend.console.ui.Workbench;
import io.workspacebackend.model.invite.Invite;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionProgress;
import io.workspacebackend.model.user.User;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;

/**
 * The window's one subscription to {@code /api/events}, shared by its tabs (sessions, dashboard,
 * users, invites), so that a window holds one stream and one way of following it again. Listeners
 * are called on the FX thread. When the stream was down, events may have been missed: once it is
 * followed again, listeners are told to list everything anew.
 */
public final class LiveEvents implements AutoCloseable {
  private static final javafx.util.Duration RETRY_DELAY = javafx.util.Duration.seconds(2);
  private static final String STOPPED = "Live updates stopped";

  /** What a tab follows; every method is called on the FX thread. */
  public interface Listener {
    default void session(Session session) {}

    default void progress(SessionProgress progress) {}

    default void deleted(UUID sessionId) {}

    /** Admins only. */
    default void user(User user) {}

    /** Admins only. */
    default void invite(Invite invite) {}

    /** The stream ended: {@code why} says so in a sentence; it is followed again when it can be. */
    default void interrupted(String why) {}

    /** The stream is followed again after a break: list everything anew. */
    default void resumed() {}
  }

  private final Workbench workbench;
  private final List<Listener> listeners = new ArrayList<>();
  private Subscription events;
  private boolean closed;

  /** Follows nothing until {@link #start()}, so that every tab can listen from the first event. */
  public LiveEvents(Workbench workbench) {
    this.workbench = workbench;
  }

  public void follow(Listener listener) {
    listeners.add(listener);
  }

  /** Subscribes, and again each time the window's server answers after it was gone. */
  public void start() {
    workbench.whenReconnected(this::resume);
    subscribe();
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
                    onFx(listener -> listener.session(session));
                  }

                  @Override
                  public void progress(SessionProgress progress) {
                    onFx(listener -> listener.progress(progress));
                  }

                  @Override
                  public void deleted(UUID sessionId) {
                    onFx(listener -> listener.deleted(sessionId));
                  }

                  @Override
                  public void user(User user) {
                    onFx(listener -> listener.user(user));
                  }

                  @Override
                  public void invite(Invite invite) {
                    onFx(listener -> listener.invite(invite));
                  }
                },
                failure -> Platform.runLater(() -> ended(failure)));
  }

  private void ended(Throwable failure) {
    if (closed) {
      return;
    }
    if (ErrorText.isSignedOut(failure)) {
      // Back to the start screen: nothing here is followed any more.
      workbench.failed(STOPPED, failure);
      return;
    }
    if (Reconnection.isConnectionLoss(failure)) {
      // The window's banner retries and calls resume() when the server answers.
      tell(listener -> listener.interrupted("Live updates are paused until the server answers."));
      workbench.failed(STOPPED, failure);
      return;
    }
    if (failure instanceof ApiException api && api.status() == 403) {
      // The admin role was removed: said once; the stream is followed again with what is left.
      workbench.failed(STOPPED, failure);
    }
    // The server answered but ended the stream: follow it again shortly.
    tell(
        listener ->
            listener.interrupted(
                "Live updates were interrupted (" + ErrorText.of(failure) + ") Reconnecting…"));
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

  private void onFx(Consumer<Listener> call) {
    Platform.runLater(() -> tell(call));
  }

  private void tell(Consumer<Listener> call) {
    if (!closed) {
      List.copyOf(listeners).forEach(call);
    }
  }
}
