package io.workspacebackend.console.sessions;

import io.workspacebackend.client.Subscription;
import io.workspacebackend.console.connection.LiveEvents;
import io.workspacebackend.console.terminal.TerminalView;
import io.workspacebackend.console.ui.Background;
import io.workspacebackend.console.ui.Dialogs;
import io.workspacebackend.console.ui.ErrorText;
import io.workspacebackend.console.ui.Forms;
import io.workspacebackend.console.ui.LogView;
import io.workspacebackend.console.ui.Workbench;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionProgress;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.model.user.User;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;

/**
 * The sessions table, its toolbar, filter, context menu and keys. Status changes arrive on the
 * window's {@link LiveEvents} (no polling); the stats of running sessions and their uptimes refresh
 * every few seconds. What the rows hold and which action a state allows is {@link
 * SessionsViewModel}'s.
 */
public final class SessionsView implements AutoCloseable {
  private static final javafx.util.Duration STATS_PERIOD = javafx.util.Duration.seconds(3);
  private static final KeyCombination LOGS_KEY =
      new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);

  private final Workbench workbench;
  private final SessionsViewModel model;
  private final SessionColumns columns;
  private final TableView<SessionItem> table = new TableView<>();
  private final CheckBox showAll = new CheckBox("Show _everyone's sessions");
  private final TextField filter = new TextField();
  private final Label streamStatus = Forms.message("stream-status");
  private final Timeline ticker;
  private final BorderPane root = new BorderPane();
  private final BrowserLink browserLink;

  /** Sessions whose browser link is being asked for: a second click waits for the first. */
  private final Set<UUID> opening = new HashSet<>();

  private boolean closed;
  private boolean fitPending;

  /** A listing is on its way; another reload waits for it rather than running beside it. */
  private boolean loading;

  private boolean reloadAgain;

  public SessionsView(Workbench workbench, LiveEvents events) {
    this.workbench = workbench;
    this.browserLink = new BrowserLink(workbench.client());
    this.model =
        new SessionsViewModel(
            workbench.user(),
            id -> workbench.client().stats(id),
            Background::execute,
            Platform::runLater,
            Clock.systemUTC());
    this.columns = new SessionColumns(model);
    table.setId("sessions-table");
    SortedList<SessionItem> sorted = new SortedList<>(model.visibleRows());
    sorted.comparatorProperty().bind(table.comparatorProperty());
    table.setItems(sorted);
    table.getColumns().addAll(columns.all());
    table.getSortOrder().add(columns.created());
    table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    Label placeholder = new Label();
    placeholder.setId("sessions-placeholder");
    placeholder.textProperty().bind(model.placeholderProperty());
    table.setPlaceholder(placeholder);
    model.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
    ContextMenu menu = contextMenu();
    table.setRowFactory(view -> row(menu));
    table.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
    model.rows().addListener((ListChangeListener<SessionItem>) change -> fitColumnsLater());

    showAll.setId("show-all");
    showAll.setVisible(isAdmin());
    showAll.managedProperty().bind(showAll.visibleProperty());
    model.showAllProperty().bind(showAll.selectedProperty());
    columns.owner().visibleProperty().bind(showAll.selectedProperty());
    showAll.setOnAction(event -> reload());
    filter.setId("session-filter");
    filter.setPromptText("Filter by name, owner, status or image");
    filter.setPrefColumnCount(22);
    model.filterProperty().bind(filter.textProperty());

    root.setTop(toolbar());
    // The filter has a row of its own: in the toolbar, at the window's default width, it was
    // pushed into the toolbar's overflow menu behind the action buttons.
    HBox filterRow = new HBox(12, filter, showAll);
    filterRow.setAlignment(Pos.CENTER_LEFT);
    filterRow.setPadding(new Insets(8, 0, 8, 0));
    VBox center = new VBox(filterRow, table, streamStatus);
    VBox.setVgrow(table, Priority.ALWAYS);
    center.setPadding(new Insets(0, 8, 8, 8));
    root.setCenter(center);

    ticker = new Timeline(new KeyFrame(STATS_PERIOD, e -> model.tick()));
    ticker.setCycleCount(Timeline.INDEFINITE);
    ticker.play();
    events.follow(
        new LiveEvents.Listener() {
          @Override
          public void session(Session session) {
            model.apply(session);
          }

          @Override
          public void progress(SessionProgress progress) {
            model.showProgress(progress);
          }

          @Override
          public void deleted(UUID sessionId) {
            model.remove(sessionId);
          }

          @Override
          public void interrupted(String why) {
            Forms.fail(streamStatus, why);
          }

          @Override
          public void resumed() {
            Forms.inform(streamStatus, "");
            reload();
          }
        });
    reload();
  }

  public Parent root() {
    return root;
  }

  /** The state behind the table (for tests that feed it sessions without a server). */
  SessionsViewModel model() {
    return model;
  }

  @Override
  public void close() {
    closed = true;
    ticker.stop();
  }

  private ToolBar toolbar() {
    Button create = new Button("_New session…");
    create.setId("new-session");
    create.setOnAction(event -> create());
    return new ToolBar(
        create,
        action(new Button("Open _terminal"), "open-terminal", SessionAction.OPEN_TERMINAL),
        action(new Button("Open in _browser"), "open-browser", SessionAction.OPEN_IN_BROWSER),
        action(new Button("_Logs"), "show-logs", SessionAction.LOGS),
        action(new Button("St_op"), "stop-session", SessionAction.STOP),
        action(new Button("_Start"), "start-session", SessionAction.START),
        action(new Button("_Delete…"), "delete-session", SessionAction.DELETE));
  }

  /** The context menu of every row; its items apply to the selected row, as the toolbar's do. */
  private ContextMenu contextMenu() {
    return new ContextMenu(
        action(new MenuItem("Open _terminal"), "menu-open-terminal", SessionAction.OPEN_TERMINAL),
        action(
            new MenuItem("Open in _browser"), "menu-open-browser", SessionAction.OPEN_IN_BROWSER),
        action(new MenuItem("_Logs"), "menu-show-logs", SessionAction.LOGS),
        new SeparatorMenuItem(),
        action(new MenuItem("St_op"), "menu-stop-session", SessionAction.STOP),
        action(new MenuItem("_Start"), "menu-start-session", SessionAction.START),
        new SeparatorMenuItem(),
        action(new MenuItem("_Delete…"), "menu-delete-session", SessionAction.DELETE));
  }

  private <B extends ButtonBase> B action(B button, String id, SessionAction action) {
    button.setId(id);
    button.setOnAction(event -> perform(action));
    button.disableProperty().bind(model.allows(action).not());
    return button;
  }

  private MenuItem action(MenuItem item, String id, SessionAction action) {
    item.setId(id);
    item.setOnAction(event -> perform(action));
    item.disableProperty().bind(model.allows(action).not());
    return item;
  }

  private TableRow<SessionItem> row(ContextMenu menu) {
    TableRow<SessionItem> row = new TableRow<>();
    row.contextMenuProperty()
        .bind(
            javafx.beans.binding.Bindings.when(row.emptyProperty())
                .then((ContextMenu) null)
                .otherwise(menu));
    row.setOnMouseClicked(
        event -> {
          if (event.getButton() == MouseButton.PRIMARY
              && event.getClickCount() == 2
              && !row.isEmpty()) {
            perform(SessionAction.OPEN_TERMINAL);
          }
        });
    return row;
  }

  /** Enter opens the terminal, Delete deletes (after asking), Ctrl+L (Cmd+L) shows the logs. */
  private void keyPressed(KeyEvent event) {
    SessionAction action = null;
    if (event.getCode() == KeyCode.ENTER && !event.isShortcutDown() && !event.isAltDown()) {
      action = SessionAction.OPEN_TERMINAL;
    } else if (event.getCode() == KeyCode.DELETE) {
      action = SessionAction.DELETE;
    } else if (LOGS_KEY.match(event)) {
      action = SessionAction.LOGS;
    }
    if (action != null && model.selected().isPresent()) {
      event.consume();
      perform(action);
    }
  }

  /** Does {@code action} with the selected session, if its state allows it. */
  private void perform(SessionAction action) {
    model
        .selected()
        .filter(item -> SessionsViewModel.allows(item, action))
        .ifPresent(
            item -> {
              switch (action) {
                case OPEN_TERMINAL -> openTerminal(item.session());
                case OPEN_IN_BROWSER -> openInBrowser(item.session());
                case LOGS -> openLogs(item.session());
                case STOP -> stop(item.session());
                case START -> start(item.session());
                case DELETE -> delete(item.session());
              }
            });
  }

  private boolean isAdmin() {
    return workbench.user().role() == Role.ADMIN;
  }

  /** Sizes the columns to their content once the rows settled (not once per row of a listing). */
  private void fitColumnsLater() {
    if (fitPending) {
      return;
    }
    fitPending = true;
    Platform.runLater(
        () -> {
          fitPending = false;
          Node cell = table.lookup(".table-row-cell .table-cell");
          Font font = cell instanceof Labeled labeled ? labeled.getFont() : Font.getDefault();
          columns.fitToContent(model.rows(), font);
        });
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
          model.listed(listing.sessions(), listing.users());
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

  private void stop(Session session) {
    act(() -> workbench.client().stopSession(session.id()), "Could not stop the session");
  }

  private void start(Session session) {
    act(() -> workbench.client().startSession(session.id()), "Could not start the session");
  }

  private void act(java.util.concurrent.Callable<Session> call, String failedHeading) {
    Background.run(call, model::apply, failure -> workbench.failed(failedHeading, failure));
  }

  private void create() {
    new NewSessionDialog(workbench.window())
        .showAndWait()
        .ifPresent(
            request ->
                Background.run(
                    () -> workbench.client().createSession(request),
                    session -> {
                      model.apply(session);
                      select(session.id());
                    },
                    failure -> workbench.failed("Could not create the session", failure)));
  }

  private void select(UUID id) {
    model.row(id).ifPresent(item -> table.getSelectionModel().select(item));
  }

  private void delete(Session session) {
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
        model::remove,
        failure -> workbench.failed("Could not delete the session", failure));
  }

  /**
   * Opens opencode's web UI on the session's own origin: the browser gets a single-use ticket from
   * the server's redirect, never the console's token. A refusal (not running, gone) is reported
   * once; clicks while the link is on its way add nothing.
   */
  private void openInBrowser(Session session) {
    if (!opening.add(session.id())) {
      return;
    }
    Consumer<Object> done = ignored -> opening.remove(session.id());
    Background.run(
        () -> browserLink.opencode(session.id()),
        address -> {
          done.accept(address);
          workbench.showDocument(address);
        },
        failure -> {
          done.accept(failure);
          workbench.failed("Could not open " + session.name() + " in the browser", failure);
        });
  }

  private void openTerminal(Session session) {
    TerminalView terminal =
        new TerminalView(
            workbench.client().terminalUri(session.id()), () -> workbench.client().token());
    terminal.setId("terminal-" + session.id());
    workbench.openTab("Terminal: " + session.name(), terminal, terminal::close);
    terminal.connect();
  }

  private void openLogs(Session session) {
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
}
