package io.workspacebackend.console.dashboard;

import io.workspacebackend.console.ui.Formats;
import io.workspacebackend.console.ui.Threading;
import io.workspacebackend.model.session.SessionStats;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The summed CPU and memory of the running sessions: one sampling round at a time (a slow server
 * gets the next round only after the last one, never a pile of them), kept over a bounded history.
 * Its methods run on the FX thread.
 */
final class ResourceSampler {
  /** Enough samples to see a trend, few enough to redraw cheaply. */
  static final int KEPT_SAMPLES = 60;

  private final DashboardSource source;
  private final Threading threading;
  private final Clock clock;
  private final Predicate<Throwable> endsTheRound;
  private final Consumer<Throwable> roundFailed;
  private final ObservableList<ResourceSample> history = FXCollections.observableArrayList();

  /**
   * One read-only view for every caller: such a view listens to the list only weakly, so one made
   * per call could be collected, and its listeners with it, while a chart still follows it.
   */
  private final ObservableList<ResourceSample> readOnlyHistory =
      FXCollections.unmodifiableObservableList(history);

  private final ReadOnlyStringWrapper cpuText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper memoryText = new ReadOnlyStringWrapper("");
  private boolean roundUnderWay;
  private boolean closed;

  /**
   * @param endsTheRound which failures of one session's stats mean the whole round cannot succeed
   *     (the server is gone, the sign-in ended); the others leave out that session alone
   * @param roundFailed told of a round that ended so
   */
  ResourceSampler(
      DashboardSource source,
      Threading threading,
      Clock clock,
      Predicate<Throwable> endsTheRound,
      Consumer<Throwable> roundFailed) {
    this.source = source;
    this.threading = threading;
    this.clock = clock;
    this.endsTheRound = endsTheRound;
    this.roundFailed = roundFailed;
  }

  /** Starts a round over the {@code running} sessions unless one is still under way. */
  void sample(Set<UUID> running) {
    if (closed || roundUnderWay) {
      return;
    }
    roundUnderWay = true;
    threading.run(
        () -> sum(running),
        sample -> {
          roundUnderWay = false;
          add(sample);
        },
        failure -> {
          roundUnderWay = false;
          if (!closed) {
            roundFailed.accept(failure);
          }
        });
  }

  /** The samples of the last minutes, oldest first; at most {@link #KEPT_SAMPLES}. */
  ObservableList<ResourceSample> history() {
    return readOnlyHistory;
  }

  ReadOnlyStringProperty cpuTextProperty() {
    return cpuText.getReadOnlyProperty();
  }

  ReadOnlyStringProperty memoryTextProperty() {
    return memoryText.getReadOnlyProperty();
  }

  /** Drops the results of a round still under way and starts no more. */
  void close() {
    closed = true;
  }

  /**
   * Sums the running sessions' stats. A session that stopped since the list said it ran answers 409
   * (or 404 once deleted): it, like any session whose stats cannot be read, adds nothing.
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
        if (endsTheRound.test(e)) {
          throw e;
        }
      }
    }
    return new ResourceSample(clock.instant(), cpu, memory, answered);
  }

  private void add(ResourceSample sample) {
    if (closed) {
      return;
    }
    history.add(sample);
    if (history.size() > KEPT_SAMPLES) {
      history.remove(0, history.size() - KEPT_SAMPLES);
    }
    cpuText.set(Formats.percent(sample.cpuPercent()));
    memoryText.set(Formats.bytes(sample.memoryBytes()));
  }
}
