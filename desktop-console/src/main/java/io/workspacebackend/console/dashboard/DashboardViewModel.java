package io.workspacebackend.console.dashboard;

import io.workspacebackend.client.SessionEventListener;
import io.workspacebackend.client.Subscription;
import io.workspacebackend.console.connection.Reconnection;
import io.workspacebackend.console.health.EngineSummary;
import io.workspacebackend.console.ui.ErrorText;
import io.workspacebackend.console.ui.Threading;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStats;
import io.workspacebackend.model.session.SessionStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The admin's overview of the host: how many sessions are in each state (one list, then the event
 * stream), the summed CPU and memory of the running ones sampled every few seconds over the last
 * minutes, and the engine's health. Time passes by {@link #sample()}, which the view calls every
 * {@link #SAMPLE_PERIOD}; all other methods run on the FX thread too.
 */
public final class DashboardViewModel implements AutoCloseable {
  public static final Duration SAMPLE_PERIOD = Duration.ofSeconds(5);

  /** Five minutes of samples: enough to see a trend, few enough to redraw cheaply. */
  static final int KEPT_SAMPLES = 60;

  static final Duration HISTORY_SPAN = SAMPLE_PERIOD.multipliedBy(KEPT_SAMPLES);

  /** The engine's health changes rarely and costs the server two engine calls: every 30 s. */
  static final int ROUNDS_PER_HEALTH = 6;

  private final DashboardSource source;
  private final Threading threading;
  private final Clock clock;
  private final Consumer<Throwable> serverLost;
  private final SessionCounts counts = new SessionCounts();
  private final Map<SessionStatus, ReadOnlyIntegerWrapper> byState =
      new EnumMap<>(SessionStatus.class);
  private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
  private final ObservableList<ResourceSample> history = FXCollections.observableArrayList();

  /**
   * One read-only view for every caller: such a view listens to the list only weakly, so one made
   * per call could be collected, and its listeners with it, while a chart still follows it.
   */
  private final ObservableList<ResourceSample> readOnlyHistory =
      FXCollections.unmodifiableObservableList(history);

  private final ReadOnlyStringWrapper cpuText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper memoryText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper engineTitle = new ReadOnlyStringWrapper("Asking the server…");
  private final ReadOnlyStringWrapper rootlessText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper imageText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper engineProblem = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
  private Subscription events;
  private boolean roundUnderWay;
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
    this.clock = clock;
    this.serverLost = serverLost;
    for (SessionStatus status : SessionStatus.values()) {
      byState.put(status, new ReadOnlyIntegerWrapper());
    }
  }

  /** Follows the events, then loads the list and the engine's health. */
  public void start() {
    follow();
    reload();
    refreshHealth();
  }

  /**
   * One tick: starts a sampling round unless one is still under way (a slow server then gets one
   * round at a time, never a pile of them); every few rounds also asks the engine's health, and
   * follows the events again if their stream ended.
   */
  public void sample() {
    if (closed || waitingForServer) {
      return;
    }
    if (events == null) {
      follow();
      reload();
    }
    roundsSinceHealth++;
    if (roundsSinceHealth >= ROUNDS_PER_HEALTH) {
      refreshHealth();
    }
    if (roundUnderWay) {
      return;
    }
    roundUnderWay = true;
    Set<UUID> running = counts.running();
    threading.run(
        () -> sum(running),
        sample -> {
          roundUnderWay = false;
          add(sample);
        },
        failure -> {
          roundUnderWay = false;
          report(failure);
        });
  }

  /** The server answers again after {@code serverLost} was told it was gone: catch up. */
  public void reconnected() {
    if (closed) {
      return;
    }
    waitingForServer = false;
    stopFollowing();
    start();
  }

  @Override
  public void close() {
    closed = true;
    stopFollowing();
  }

  public ReadOnlyIntegerProperty countProperty(SessionStatus status) {
    return byState.get(status).getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty totalProperty() {
    return total.getReadOnlyProperty();
  }

  /** The samples of the last minutes, oldest first; at most {@link #KEPT_SAMPLES}. */
  public ObservableList<ResourceSample> history() {
    return readOnlyHistory;
  }

  /** The latest summed CPU, e.g. "37.5 %" (of one CPU). */
  public ReadOnlyStringProperty cpuTextProperty() {
    return cpuText.getReadOnlyProperty();
  }

  /** The latest summed memory, e.g. "1.2 GiB". */
  public ReadOnlyStringProperty memoryTextProperty() {
    return memoryText.getReadOnlyProperty();
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

  /**
   * Sums the running sessions' stats. A session that stopped since the list said it ran answers 409
   * (or 404 once deleted): it, like any session whose stats cannot be read, adds nothing. A server
   * that is gone, or a sign-in that ended, ends the round.
   */
  private ResourceSample sum(Set<UUID> running) {
    double cpu = 0;
    long memory = 0;
    int answered = 0;
    for (UUID id : running) {
      try {
        SessionStats stats = source.stats(id);
        cpu += stats.cpuPercent();
        memory += stats.memoryBytes();
        answered++;
      } catch (RuntimeException e) {
        if (endsTheRound(e)) {
          throw e;
        }
      }
    }
    return new ResourceSample(clock.instant(), cpu, memory, answered);
  }

  private static boolean endsTheRound(Throwable failure) {
    return ErrorText.isSignedOut(failure) || Reconnection.isConnectionLoss(failure);
  }

  private void add(ResourceSample sample) {
    if (closed) {
      return;
    }
    history.add(sample);
    if (history.size() > KEPT_SAMPLES) {
      history.remove(0, history.size() - KEPT_SAMPLES);
    }
    cpuText.set(Amounts.percent(sample.cpuPercent()));
    memoryText.set(Amounts.bytes(sample.memoryBytes()));
  }

  private void follow() {
    events =
        source.followEvents(
            new SessionEventListener() {
              @Override
              public void session(Session session) {
                threading.onFx(
                    () -> {
                      counts.update(session);
                      publishCounts();
                    });
              }

              @Override
              public void deleted(UUID sessionId) {
                threading.onFx(
                    () -> {
                      counts.remove(sessionId);
                      publishCounts();
                    });
              }
            },
            failure -> threading.onFx(() -> eventsEnded(failure)));
  }

  /** The stream ended: the window handles a lost server; anything else is followed again. */
  private void eventsEnded(Throwable failure) {
    if (closed) {
      return;
    }
    events = null;
    if (endsTheRound(failure)) {
      report(failure);
    } else {
      notice.set(
          "Live counts were interrupted (" + ErrorText.of(failure) + ") Following them again…");
    }
  }

  private void stopFollowing() {
    if (events != null) {
      events.close();
      events = null;
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
    if (endsTheRound(failure)) {
      waitingForServer = true;
      serverLost.accept(failure);
    } else {
      notice.set("The dashboard could not be brought up to date: " + ErrorText.of(failure));
    }
  }
}
