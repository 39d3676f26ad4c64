package io.workspacebackend.console.dashboard;

import io.workspacebackend.console.connection.Reconnection;
import io.workspacebackend.console.health.EngineSummary;
import io.workspacebackend.console.ui.ErrorText;
import io.workspacebackend.console.ui.Threading;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

/**
 * The admin's overview of the host: how many sessions are in each state (one list, then the event
 * stream), the summed CPU and memory of the running ones sampled every few seconds over the last
 * minutes ({@link ResourceSampler}), and the engine's health. Time passes by {@link #sample()},
 * which the view calls every {@link #SAMPLE_PERIOD}; all other methods run on the FX thread too.
 */
public final class DashboardViewModel implements AutoCloseable {
  public static final Duration SAMPLE_PERIOD = Duration.ofSeconds(5);

  /** How far back the charts reach: five minutes. */
  static final Duration HISTORY_SPAN = SAMPLE_PERIOD.multipliedBy(ResourceSampler.KEPT_SAMPLES);

  /** The engine's health changes rarely and costs the server two engine calls: every 30 s. */
  static final int ROUNDS_PER_HEALTH = 6;

  private final DashboardSource source;
  private final Threading threading;
  private final Consumer<Throwable> serverLost;
  private final ResourceSampler resources;
  private final SessionCounts counts = new SessionCounts();
  private final Map<SessionStatus, ReadOnlyIntegerWrapper> byState =
      new EnumMap<>(SessionStatus.class);
  private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();

  private final ReadOnlyStringWrapper engineTitle = new ReadOnlyStringWrapper("Asking the server…");
  private final ReadOnlyStringWrapper rootlessText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper imageText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper engineProblem = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
  private boolean waitingForServer;
  private int roundsSinceHealth;
  private boolean closed;

  /**
   * @param serverLost told when the server is gone or the sign-in ended; the window then shows its
   *     banner (and calls {@link #reconnected()}) or the start screen
   */
  public DashboardViewModel(
      DashboardSource source, Threading threading, Clock clock, Consumer<Throwable> serverLost) {
    this.source = source;
    this.threading = threading;
    this.serverLost = serverLost;
    this.resources =
        new ResourceSampler(
            source, threading, clock, DashboardViewModel::isServerLoss, this::report);
    for (SessionStatus status : SessionStatus.values()) {
      byState.put(status, new ReadOnlyIntegerWrapper());
    }
  }

  /** Loads the list and the engine's health; the window's event stream keeps the counts. */
  public void start() {
    reload();
    refreshHealth();
  }

  /**
   * One tick: a sampling round unless one is still under way, and every few ticks the engine's
   * health. Nothing while the server is gone.
   */
  public void sample() {
    if (closed || waitingForServer) {
      return;
    }
    roundsSinceHealth++;
    if (roundsSinceHealth >= ROUNDS_PER_HEALTH) {
      refreshHealth();
    }
    resources.sample(counts.running());
  }

  /**
   * The server answers again after {@code serverLost} was told it was gone: sampling goes on, the
   * engine is asked again (the list comes anew with {@link #eventsResumed()}).
   */
  public void reconnected() {
    if (closed) {
      return;
    }
    waitingForServer = false;
    refreshHealth();
  }

  @Override
  public void close() {
    closed = true;
    resources.close();
  }

  public ReadOnlyIntegerProperty countProperty(SessionStatus status) {
    return byState.get(status).getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty totalProperty() {
    return total.getReadOnlyProperty();
  }

  /** The samples of the last {@link #HISTORY_SPAN}, oldest first. */
  public ObservableList<ResourceSample> history() {
    return resources.history();
  }

  /** The latest summed CPU, e.g. "37.5 %" (of one CPU). */
  public ReadOnlyStringProperty cpuTextProperty() {
    return resources.cpuTextProperty();
  }

  /** The latest summed memory, e.g. "1.2 GiB". */
  public ReadOnlyStringProperty memoryTextProperty() {
    return resources.memoryTextProperty();
  }

  /** "Docker 20.10.24", "Podman 4.3.1 (rootless)", "Engine unavailable". */
  public ReadOnlyStringProperty engineTitleProperty() {
    return engineTitle.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty rootlessTextProperty() {
    return rootlessText.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty imageTextProperty() {
    return imageText.getReadOnlyProperty();
  }

  /** Why the engine or the image is not usable; empty while both are. */
  public ReadOnlyStringProperty engineProblemProperty() {
    return engineProblem.getReadOnlyProperty();
  }

  /** A problem worth a line that is not the server's absence (that one has the banner). */
  public ReadOnlyStringProperty noticeProperty() {
    return notice.getReadOnlyProperty();
  }

  /** The server is gone or the sign-in ended: the window, not the dashboard, deals with either. */
  private static boolean isServerLoss(Throwable failure) {
    return ErrorText.isSignedOut(failure) || Reconnection.isConnectionLoss(failure);
  }

  /** A session as the event stream announced it. */
  public void sessionChanged(Session session) {
    counts.update(session);
    publishCounts();
  }

  /** A deleted session (its last event). */
  public void sessionDeleted(UUID sessionId) {
    counts.remove(sessionId);
    publishCounts();
  }

  /** The event stream ended; the counts stay as they were until it is followed again. */
  public void eventsInterrupted(String why) {
    notice.set(why);
  }

  /** The event stream is followed again after a break: events may have been missed. */
  public void eventsResumed() {
    if (!closed) {
      reload();
    }
  }

  private void reload() {
    threading.run(
        source::allSessions,
        sessions -> {
          if (!closed) {
            counts.replaceAll(sessions);
            publishCounts();
            notice.set("");
          }
        },
        this::report);
  }

  private void refreshHealth() {
    roundsSinceHealth = 0;
    threading.run(
        () -> EngineSummary.of(source.health()),
        engine -> {
          if (!closed) {
            show(engine);
          }
        },
        this::report);
  }

  private void show(EngineSummary engine) {
    engineTitle.set(engine.title());
    rootlessText.set(engine.engineUp() ? (engine.rootless() ? "Rootless" : "Rootful") : "");
    imageText.set(
        !engine.engineUp()
            ? ""
            : engine.imagePresent() ? "Session image present" : "Session image missing");
    engineProblem.set(engine.problem().orElse(""));
  }

  private void publishCounts() {
    counts.byState().forEach((status, count) -> byState.get(status).set(count));
    total.set(counts.byState().values().stream().mapToInt(Integer::intValue).sum());
  }

  private void report(Throwable failure) {
    if (closed) {
      return;
    }
    if (isServerLoss(failure)) {
      waitingForServer = true;
      serverLost.accept(failure);
    } else {
      notice.set("The dashboard could not be brought up to date: " + ErrorText.of(failure));
    }
  }
}
