package io.workspacebackend.console.sessions;

import io.workspacebackend.console.connection.Reconnection;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionProgress;
import io.workspacebackend.model.session.SessionStats;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The sessions view's state and rules, without a control: the rows as last announced, the filter,
 * what the empty table says, which actions the selected session's state allows, and the polling of
 * running sessions' stats. Called on the JavaFX thread only.
 */
final class SessionsViewModel {
  static final String LOADING = "Loading sessions…";
  static final String NONE_YET = "No sessions yet. Create one with New session.";
  static final String NONE_LEFT = "No sessions. Create one with New session.";
  static final String NO_MATCH = "No session matches the filter.";

  private final User user;
  private final Clock time;
  private final Function<UUID, SessionStats> statsOf;
  private final Executor worker;
  private final Executor fx;

  // A row's change of session is an update of the list, so the filter (by status) follows it.
  private final ObservableList<SessionItem> rows =
      FXCollections.observableArrayList(item -> new Observable[] {item.sessionProperty()});
  // One read-only view for the model's life: the view listens to it, and such a view hears of its
  // list's changes only through a weak listener, so a view made per call would be collected and go
  // deaf (the table then never fitted its columns to the rows once a GC had run).
  private final ObservableList<SessionItem> readOnlyRows =
      FXCollections.unmodifiableObservableList(rows);
  private final FilteredList<SessionItem> visible = new FilteredList<>(rows);
  private final Map<UUID, SessionItem> byId = new HashMap<>();
  private final Map<UUID, String> usernames = new HashMap<>();
  private final BooleanProperty showAll = new SimpleBooleanProperty();
  private final StringProperty filter = new SimpleStringProperty("");
  private final ObjectProperty<SessionItem> selected = new SimpleObjectProperty<>();
  private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(LOADING);
  private final ReadOnlyObjectWrapper<Instant> clock;

  /** Flips whenever a row's session changes, so that actions bound to its state follow. */
  private final BooleanProperty rowsChanged = new SimpleBooleanProperty();

  private boolean listed;
  private boolean everHadRows;
  private boolean statsRoundRunning;

  /**
   * @param statsOf asks the server for one session's stats (blocking; called on {@code worker})
   * @param worker runs a round of stats calls off the JavaFX thread
   * @param fx runs results on the JavaFX thread ({@code Platform::runLater})
   * @param time what uptimes are measured against
   */
  SessionsViewModel(
      User user, Function<UUID, SessionStats> statsOf, Executor worker, Executor fx, Clock time) {
    this.user = user;
    this.time = time;
    this.clock = new ReadOnlyObjectWrapper<>(time.instant());
    this.statsOf = statsOf;
    this.worker = worker;
    this.fx = fx;
    filter.addListener((observable, before, now) -> refilter());
    visible.addListener((Observable change) -> updatePlaceholder());
  }

  /** Every row, in the order they came. */
  ObservableList<SessionItem> rows() {
    return readOnlyRows;
  }

  /** The rows the filter lets through. */
  ObservableList<SessionItem> visibleRows() {
    return visible;
  }

  /** Whether other users' sessions are listed too (admins only). */
  BooleanProperty showAllProperty() {
    return showAll;
  }

  /** Text that rows must contain in their name, owner, status or image (any case). */
  StringProperty filterProperty() {
    return filter;
  }

  /** The row the actions apply to, or null. */
  ObjectProperty<SessionItem> selectedProperty() {
    return selected;
  }

  /** The time uptimes are shown at; it moves on with each {@link #tick()}. */
  ReadOnlyObjectProperty<Instant> clockProperty() {
    return clock.getReadOnlyProperty();
  }

  /** Moves the clock on and polls the stats (see {@link #pollStats()}). */
  void tick() {
    clock.set(time.instant());
    pollStats();
  }

  /** What the table shows when no row is visible; empty while some are. */
  ReadOnlyStringProperty placeholderProperty() {
    return placeholder.getReadOnlyProperty();
  }

  Optional<SessionItem> selected() {
    return Optional.ofNullable(selected.get());
  }

  Optional<SessionItem> row(UUID id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * Whether {@code action} applies to the selected session in the state it was last announced in.
   */
  BooleanBinding allows(SessionAction action) {
    return Bindings.createBooleanBinding(
        () -> selected().map(item -> allows(item, action)).orElse(false), selected, rowsChanged);
  }

  static boolean allows(SessionItem item, SessionAction action) {
    return action.allowedIn(item.session().status());
  }

  /** The owner's name where known (an admin's listing brings them), else the user id. */
  String ownerName(Session session) {
    return usernames.getOrDefault(session.userId(), session.userId().toString());
  }

  /** A fresh listing replaces every row. */
  void listed(List<Session> sessions, List<User> users) {
    listed = true;
    usernames.clear();
    users.forEach(u -> usernames.put(u.id(), u.username()));
    byId.clear();
    rows.clear();
    sessions.forEach(this::apply);
    updatePlaceholder();
  }

  /** Applies one announced state: new rows appear, known ones change. */
  void apply(Session session) {
    boolean mine = session.userId().equals(user.id());
    if (!mine && !showAll.get()) {
      return;
    }
    SessionItem known = byId.get(session.id());
    if (known == null) {
      SessionItem item = new SessionItem(session);
      byId.put(session.id(), item);
      if (mine) {
        usernames.putIfAbsent(session.userId(), user.username());
      }
      rows.add(item);
    } else {
      known.update(session);
    }
    rowsChanged.set(!rowsChanged.get());
  }

  void showProgress(SessionProgress progress) {
    SessionItem item = byId.get(progress.sessionId());
    if (item != null) {
      item.progressProperty().set(Optional.of(progress.step()));
    }
  }

  /** A deleted session's row goes (its last event). */
  void remove(UUID sessionId) {
    SessionItem gone = byId.remove(sessionId);
    if (gone != null) {
      rows.remove(gone);
    }
  }

  /**
   * Starts one round of stats calls, one running session after the other, unless the previous round
   * still runs: a slow server then gets no second round beside it, and the skipped tick is simply
   * not made up for. A lost connection ends the round (the window's banner says so).
   *
   * @return whether a round started
   */
  boolean pollStats() {
    if (statsRoundRunning) {
      return false;
    }
    List<SessionItem> running = new ArrayList<>();
    List<UUID> ids = new ArrayList<>();
    for (SessionItem item : rows) {
      if (item.session().status() == SessionStatus.RUNNING) {
        running.add(item);
        ids.add(item.session().id());
      }
    }
    if (running.isEmpty()) {
      return false;
    }
    statsRoundRunning = true;
    worker.execute(
        () -> {
          try {
            for (int i = 0; i < ids.size(); i++) {
              SessionItem item = running.get(i);
              Optional<SessionStats> stats;
              try {
                stats = Optional.of(statsOf.apply(ids.get(i)));
              } catch (RuntimeException e) {
                fx.execute(() -> item.statsProperty().set(Optional.empty()));
                if (Reconnection.isConnectionLoss(e)) {
                  break;
                }
                continue;
              }
              fx.execute(() -> showStats(item, stats));
            }
          } finally {
            fx.execute(() -> statsRoundRunning = false);
          }
        });
    return true;
  }

  private static void showStats(SessionItem item, Optional<SessionStats> stats) {
    // It may have stopped while its stats were on their way.
    if (item.session().status() == SessionStatus.RUNNING) {
      item.statsProperty().set(stats);
    }
  }

  private void refilter() {
    String wanted = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
    visible.setPredicate(wanted.isEmpty() ? null : item -> matches(item.session(), wanted));
  }

  private boolean matches(Session session, String wanted) {
    return Stream.of(
            session.name(), ownerName(session), session.status().wireName(), session.image())
        .anyMatch(text -> text != null && text.toLowerCase(Locale.ROOT).contains(wanted));
  }

  private void updatePlaceholder() {
    everHadRows |= !rows.isEmpty();
    String text;
    if (!visible.isEmpty()) {
      text = "";
    } else if (!rows.isEmpty()) {
      text = NO_MATCH;
    } else if (!listed) {
      text = LOADING;
    } else {
      text = everHadRows ? NONE_LEFT : NONE_YET;
    }
    placeholder.set(text);
  }
}
