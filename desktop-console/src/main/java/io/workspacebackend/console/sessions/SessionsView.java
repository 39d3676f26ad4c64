package io.workspacebackend.console.sessions;

import io.workspacebackend.client.SessionEventListener;
import io.workspacebackend.client.Subscription;
import io.workspacebackend.console.connection.Reconnection;
import io.workspacebackend.console.terminal.TerminalView;
import io.workspacebackend.console.ui.Background;
import io.workspacebackend.console.ui.Dialogs;
import io.workspacebackend.console.ui.ErrorText;
import io.workspacebackend.console.ui.Forms;
import io.workspacebackend.console.ui.LogView;
import io.workspacebackend.console.ui.Tables;
import io.workspacebackend.console.ui.Workbench;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionProgress;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.model.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Callback;

/**
 * The sessions table. Status changes arrive on the server's event stream (no polling); the stats of
 * running sessions and their uptimes refresh every few seconds.
 */
public final class SessionsView implements AutoCloseable {
  private static final javafx.util.Duration STATS_PERIOD = javafx.util.Duration.seconds(3);
  private static final javafx.util.Duration RECONNECT_DELAY = javafx.util.Duration.seconds(2);

  private final Workbench workbench;
  private final ObservableList<SessionItem> items = FXCollections.observableArrayList();
  private final Map<UUID, SessionItem> byId = new HashMap<>();
  private final Map<UUID, String> usernames = new HashMap<>();
  private final TableView<SessionItem> table = new TableView<>(items);
  private final CheckBox showAll = new CheckBox("Show _everyone's sessions");
  private final Label streamStatus = Forms.message("stream-status");
  private final Timeline ticker;
  private final BorderPane root = new BorderPane();

  /** Flips whenever a row's session changes, so that actions bound to its state follow. */
  private final BooleanProperty rowsChanged = new SimpleBooleanProperty();

  private Subscription events;
  private boolean closed;

  /** A listing is on its way; another reload waits for it rather than running beside it. */
  private boolean loading;

  private boolean reloadAgain;

  public SessionsView(Workbench workbench) {
    this.workbench = workbench;
    table.setId("sessions-table");
    table.setPlaceholder(new Label("No sessions yet. Create one with New session."));
    table.getColumns().addAll(columns());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    showAll.setId("show-all");
    showAll.setVisible(isAdmin());
    showAll.managedProperty().bind(showAll.visibleProperty());
    showAll.setOnAction(event -> reload());

    root.setTop(toolbar());
    VBox center = new VBox(table, streamStatus);
    VBox.setVgrow(table, Priority.ALWAYS);
    center.setPadding(new Insets(0, 8, 8, 8));
    root.setCenter(center);

    ticker = new Timeline(new KeyFrame(STATS_PERIOD, e -> tick()));
    ticker.setCycleCount(Timeline.INDEFINITE);
    ticker.play();
    workbench.whenReconnected(this::resume);
    reload();
    subscribe();
  }

  public Parent root() {
    return root;
  }

  @Override
  public void close() {
    closed = true;
    ticker.stop();
    if (events != null) {
      events.close();
    }
  }

  private ToolBar toolbar() {
    Button create = new Button("_New session…");
    create.setId("new-session");
    create.setOnAction(event -> create());
    Button terminal = new Button("Open _terminal");
    terminal.setId("open-terminal");
    terminal.setOnAction(event -> selected().ifPresent(this::openTerminal));
    Button logs = new Button("_Logs");
    logs.setId("show-logs");
    logs.setOnAction(event -> selected().ifPresent(this::openLogs));
    Button stop = new Button("St_op");
    stop.setId("stop-session");
    stop.setOnAction(event -> selected().ifPresent(this::stop));
    Button start = new Button("_Start");
    start.setId("start-session");
    start.setOnAction(event -> selected().ifPresent(this::start));
    Button delete = new Button("_Delete…");
    delete.setId("delete-session");
    delete.setOnAction(event -> selected().ifPresent(this::delete));
    var nothingSelected = table.getSelectionModel().selectedItemProperty().isNull();
    terminal.disableProperty().bind(nothingSelected);
    logs.disableProperty().bind(nothingSelected);
    delete.disableProperty().bind(nothingSelected);
    // Which actions a state allows is the state table's to say (SessionStatus).
    stop.disableProperty().bind(selectedStatusAllows(SessionStatus::canStop).not());
    start.disableProperty().bind(selectedStatusAllows(SessionStatus::canStart).not());
    return new ToolBar(create, terminal, logs, stop, start, delete, showAll);
  }

  /** Whether the selected row's session, as last announced, is in a state that allows it. */
  private BooleanBinding selectedStatusAllows(Predicate<SessionStatus> allows) {
    return Bindings.createBooleanBinding(
        () -> selected().map(item -> allows.test(item.session().status())).orElse(false),
        table.getSelectionModel().selectedItemProperty(),
        rowsChanged);
  }

  private List<TableColumn<SessionItem, ?>> columns() {
    TableColumn<SessionItem, String> name = column("Name", s -> s.name());
    TableColumn<SessionItem, String> owner =
        column("Owner", s -> usernames.getOrDefault(s.userId(), s.userId().toString()));
    owner.visibleProperty().bind(showAll.selectedProperty());
    TableColumn<SessionItem, SessionStatus> status = new TableColumn<>("Status");
    status.setCellValueFactory(
        cell ->
            Bindings.createObjectBinding(
                () -> cell.getValue().session().status(),
                cell.getValue().sessionProperty(),
                cell.getValue().progressProperty()));
    status.setCellFactory(column -> new StatusCell());
    TableColumn<SessionItem, String> image = column("Image", Session::image);
    TableColumn<SessionItem, String> created =
        column("Created", s -> Tables.localTime(s.createdAt()));
    TableColumn<SessionItem, String> uptime = new TableColumn<>("Uptime");
    uptime.setCellValueFactory(cell -> new ReadOnlyStringWrapper(uptimeOf(cell.getValue())));
    TableColumn<SessionItem, String> cpu =
        statsColumn(
            "CPU", item -> item.statsProperty().get().map(s -> Formats.percent(s.cpuPercent())));
    TableColumn<SessionItem, String> memory =
        statsColumn(
            "Memory",
            item ->
                item.statsProperty()
                    .get()
                    .map(
                        s ->
                            Formats.bytes(s.memoryBytes())
                                + " / "
                                + Formats.bytes(s.memoryLimitBytes())));
    return List.of(name, owner, status, image, created, uptime, cpu, memory);
  }

  private static TableColumn<SessionItem, String> column(
      String title, Function<Session, String> value) {
    TableColumn<SessionItem, String> column = new TableColumn<>(title);
    column.setCellValueFactory(
        cell ->
            Bindings.createStringBinding(
                () -> value.apply(cell.getValue().session()), cell.getValue().sessionProperty()));
    return column;
  }

  private static TableColumn<SessionItem, String> statsColumn(
      String title, Function<SessionItem, Optional<String>> value) {
    TableColumn<SessionItem, String> column = new TableColumn<>(title);
    Callback<TableColumn.CellDataFeatures<SessionItem, String>, ObservableValue<String>> factory =
        cell ->
            Bindings.createStringBinding(
                () -> value.apply(cell.getValue()).orElse(""), cell.getValue().statsProperty());
    column.setCellValueFactory(factory);
    return column;
  }

  private Optional<SessionItem> selected() {
    return Optional.ofNullable(table.getSelectionModel().getSelectedItem());
  }

  private boolean isAdmin() {
    return workbench.user().role() == Role.ADMIN;
  }

  /**
   * Loads the list (and, for admins, the owners' names) afresh. While one listing is on its way,
   * further calls make one more run after it, so a slow server never has two in flight.
   */
  private void reload() {
    if (loading) {
      reloadAgain = true;
      return;
    }
    loading = true;
    boolean all = showAll.isSelected();
    Background.run(
        () -> {
          List<Session> sessions =
              all ? workbench.client().allSessions() : workbench.client().sessions();
          List<User> users = all ? workbench.client().users() : List.of();
          return new Listing(sessions, users);
        },
        listing -> {
          loaded();
          usernames.clear();
          listing.users().forEach(u -> usernames.put(u.id(), u.username()));
          byId.clear();
          items.clear();
          listing.sessions().forEach(this::apply);
        },
        failure -> {
          loaded();
          if (!closed) {
            workbench.failed("Could not load the sessions", failure);
          }
        });
  }

  private void loaded() {
    loading = false;
    if (reloadAgain && !closed) {
      reloadAgain = false;
      Platform.runLater(this::reload);
    }
  }

  /** The server answers again: follow its events anew and catch up on what was missed. */
  private void resume() {
    if (closed) {
      return;
    }
    if (events != null) {
      events.close();
    }
    subscribe();
    reload();
  }

  private void subscribe() {
    events =
        workbench
            .client()
            .followEvents(
                new SessionEventListener() {
                  @Override
                  public void session(Session session) {
                    Platform.runLater(() -> apply(session));
                  }

                  @Override
                  public void progress(SessionProgress progress) {
                    Platform.runLater(() -> showProgress(progress));
                  }

                  @Override
                  public void deleted(UUID sessionId) {
                    Platform.runLater(() -> remove(sessionId));
                  }
                },
                failure -> Platform.runLater(() -> streamEnded(failure)));
    Forms.inform(streamStatus, "");
  }

  private void streamEnded(Throwable failure) {
    if (closed) {
      return;
    }
    if (ErrorText.isSignedOut(failure) || Reconnection.isConnectionLoss(failure)) {
      // Signed out: back to the start screen. Server gone: the window's one banner retries and
      // calls resume() when it answers.
      workbench.failed("Live updates stopped", failure);
      if (!ErrorText.isSignedOut(failure)) {
        Forms.fail(streamStatus, "Live updates are paused until the server answers again.");
      }
      return;
    }
    // The server answered but ended the stream (a changed role, an error of its own): follow it
    // again after a moment; the list itself stays as it is.
    Forms.fail(
        streamStatus,
        "Live updates were interrupted (" + ErrorText.of(failure) + ") Reconnecting…");
    Timeline retry =
        new Timeline(
            new KeyFrame(
                RECONNECT_DELAY,
                e -> {
                  if (!closed) {
                    subscribe();
                  }
                }));
    retry.play();
  }

  /** Applies one announced state: new rows appear, known ones change. */
  private void apply(Session session) {
    boolean mine = session.userId().equals(workbench.user().id());
    if (!mine && !showAll.isSelected()) {
      return;
    }
    SessionItem known = byId.get(session.id());
    if (known == null) {
      SessionItem item = new SessionItem(session);
      byId.put(session.id(), item);
      items.add(item);
      if (!usernames.containsKey(session.userId()) && mine) {
        usernames.put(session.userId(), workbench.user().username());
      }
    } else {
      known.update(session);
    }
    rowsChanged.set(!rowsChanged.get());
    table.refresh();
  }

  private void showProgress(SessionProgress progress) {
    SessionItem item = byId.get(progress.sessionId());
    if (item != null) {
      item.progressProperty().set(Optional.of(progress.step()));
    }
  }

  /** A deleted session's row goes (its last event). */
  private void remove(UUID sessionId) {
    SessionItem gone = byId.remove(sessionId);
    if (gone != null) {
      items.remove(gone);
    }
  }

  private void stop(SessionItem item) {
    Session session = item.session();
    Background.run(
        () -> workbench.client().stopSession(session.id()),
        this::apply,
        failure -> workbench.failed("Could not stop the session", failure));
  }

  private void start(SessionItem item) {
    Session session = item.session();
    Background.run(
        () -> workbench.client().startSession(session.id()),
        this::apply,
        failure -> workbench.failed("Could not start the session", failure));
  }

  private void tick() {
    table.refresh();
    for (SessionItem item : items) {
      Session session = item.session();
      if (session.status() != SessionStatus.RUNNING) {
        continue;
      }
      Background.run(
          () -> workbench.client().stats(session.id()),
          stats -> item.statsProperty().set(Optional.of(stats)),
          failure -> item.statsProperty().set(Optional.empty()));
    }
  }

  private static String uptimeOf(SessionItem item) {
    Session session = item.session();
    if (session.status() != SessionStatus.RUNNING || session.startedAt() == null) {
      return "";
    }
    return Formats.duration(Duration.between(session.startedAt(), Instant.now()));
  }

  private void create() {
    new NewSessionDialog(workbench.window())
        .showAndWait()
        .ifPresent(
            request ->
                Background.run(
                    () -> workbench.client().createSession(request),
                    session -> {
                      apply(session);
                      byIdSelect(session.id());
                    },
                    failure -> workbench.failed("Could not create the session", failure)));
  }

  private void byIdSelect(UUID id) {
    Optional.ofNullable(byId.get(id)).ifPresent(item -> table.getSelectionModel().select(item));
  }

  private void delete(SessionItem item) {
    Session session = item.session();
    boolean confirmed =
        Dialogs.confirm(
            workbench.window(),
            "Delete session " + session.name() + "?",
            "Its container is stopped and removed. The files in "
                + session.workspacePath()
                + " stay on disk.",
            "_Delete");
    if (!confirmed) {
      return;
    }
    Background.run(
        () -> {
          workbench.client().deleteSession(session.id());
          return session.id();
        },
        this::remove,
        failure -> workbench.failed("Could not delete the session", failure));
  }

  private void openTerminal(SessionItem item) {
    Session session = item.session();
    TerminalView terminal =
        new TerminalView(
            workbench.client().terminalUri(session.id()), () -> workbench.client().token());
    terminal.setId("terminal-" + session.id());
    workbench.openTab("Terminal: " + session.name(), terminal, terminal::close);
    terminal.connect();
  }

  private void openLogs(SessionItem item) {
    Session session = item.session();
    LogView log = new LogView();
    log.setId("logs-" + session.id());
    Subscription follow =
        workbench
            .client()
            .followLogs(
                session.id(),
                500,
                log::append,
                failure -> log.append("— the log stream ended: " + ErrorText.of(failure)));
    CheckBox following = new CheckBox("_Follow");
    following.selectedProperty().bindBidirectional(log.followProperty());
    BorderPane pane = new BorderPane(log);
    pane.setTop(new ToolBar(following));
    workbench.openTab("Logs: " + session.name(), pane, follow);
  }

  private record Listing(List<Session> sessions, List<User> users) {}

  /** The status in its colour; a failed session's reason shows on hover. */
  private static final class StatusCell extends TableCell<SessionItem, SessionStatus> {
    @Override
    protected void updateItem(SessionStatus status, boolean empty) {
      super.updateItem(status, empty);
      getStyleClass().removeIf(style -> style.startsWith("status-"));
      if (empty || status == null) {
        setText(null);
        setTooltip(null);
        return;
      }
      SessionItem item = getTableRow() == null ? null : getTableRow().getItem();
      String step =
          item == null || !status.isStarting()
              ? ""
              : item.progressProperty().get().map(done -> " · " + done.label()).orElse("");
      setText(status.wireName() + step);
      getStyleClass().add("status-" + status.wireName());
      String reason =
          item == null
              ? null
              : item.session().errorMessage() != null
                  ? item.session().errorMessage()
                  : item.session().stopReason();
      setTooltip(reason == null ? null : new Tooltip(reason));
    }
  }
}
