package io.workspacebackend.console.shell;

import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.console.connection.DisconnectedBanner;
import io.workspacebackend.console.connection.LiveEvents;
import io.workspacebackend.console.connection.Reconnection;
import io.workspacebackend.console.dashboard.DashboardView;
import io.workspacebackend.console.invites.InvitesView;
import io.workspacebackend.console.sessions.SessionsView;
import io.workspacebackend.console.status.StatusBar;
import io.workspacebackend.console.status.StatusBarViewModel;
import io.workspacebackend.console.ui.Background;
import io.workspacebackend.console.ui.Dialogs;
import io.workspacebackend.console.ui.ErrorText;
import io.workspacebackend.console.ui.LogView;
import io.workspacebackend.console.ui.Threading;
import io.workspacebackend.console.ui.Workbench;
import io.workspacebackend.console.users.UsersView;
import io.workspacebackend.launcher.LogFeed;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.model.user.User;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The signed-in window: a bar naming the user, tabs for the dashboard (admins), sessions, invites
 * and users (admins), the local server's log, and one tab per open terminal or log; below them a
 * status bar with the server, its engine and whether it answers.
 */
public final class MainView implements Workbench {
  private final Navigator navigator;
  private final WorkspaceClient client;
  private final User user;
  private final TabPane tabs = new TabPane();
  private final BorderPane root = new BorderPane();
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final SessionsView sessions;
  private final Reconnection reconnection;

  MainView(Navigator navigator, WorkspaceClient client, User user) {
    this.navigator = navigator;
    this.client = client;
    this.user = user;
    reconnection = new Reconnection(this::askServer);
    DisconnectedBanner banner = new DisconnectedBanner(reconnection);
    closeables.add(banner);
    tabs.setId("main-tabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.SELECTED_TAB);

    LiveEvents events = new LiveEvents(this);
    closeables.add(events);
    if (user.role() == Role.ADMIN) {
      DashboardView dashboard = new DashboardView(this, events);
      closeables.add(dashboard);
      tabs.getTabs().add(fixedTab("Dashboard", dashboard.root()));
    }
    sessions = new SessionsView(this, events);
    closeables.add(sessions);
    tabs.getTabs().add(fixedTab("Sessions", sessions.root()));
    if (user.role() == Role.ADMIN) {
      tabs.getTabs().add(fixedTab("Invites", new InvitesView(this, events).root()));
      tabs.getTabs().add(fixedTab("Users", new UsersView(this, events).root()));
    }
    // Once every tab listens: none misses the first events.
    events.start();
    navigator
        .localServer()
        .ifPresent(server -> tabs.getTabs().add(fixedTab("Server log", serverLog())));

    StatusBarViewModel status =
        new StatusBarViewModel(client.baseUri(), reconnection, client::health, Threading.fx());
    status.refreshEngine();

    root.setTop(new VBox(header(), banner.root()));
    root.setCenter(tabs);
    root.setBottom(new StatusBar(status).root());
  }

  Parent root() {
    return root;
  }

  @Override
  public WorkspaceClient client() {
    return client;
  }

  @Override
  public User user() {
    return user;
  }

  @Override
  public void openTab(String title, Node content, AutoCloseable onClose) {
    Tab tab = new Tab(title, content);
    closeables.add(onClose);
    tab.setOnClosed(
        event -> {
          closeables.remove(onClose);
          closeQuietly(onClose);
        });
    tabs.getTabs().add(tab);
    tabs.getSelectionModel().select(tab);
  }

  @Override
  public void failed(String heading, Throwable failure) {
    if (ErrorText.isSignedOut(failure)) {
      navigator.showStart(
          Optional.of(client.baseUri()),
          Optional.of("Your sign-in expired or was revoked. Please sign in again."));
      return;
    }
    if (Reconnection.isConnectionLoss(failure)) {
      reconnection.lost();
      return;
    }
    Dialogs.showError(navigator.stage(), heading, failure);
  }

  @Override
  public void whenReconnected(Runnable action) {
    reconnection.whenReconnected(action);
  }

  @Override
  public Window window() {
    return navigator.stage();
  }

  @Override
  public void showDocument(URI address) {
    navigator
        .hostServices()
        .ifPresentOrElse(
            services -> services.showDocument(address.toString()),
            () -> Workbench.super.showDocument(address));
  }

  /** Closes streams, terminals and log followers; the server session is left as it is. */
  void close() {
    closeables.forEach(MainView::closeQuietly);
    closeables.clear();
  }

  /** Whether the server answers at all: its health says so even while it is unavailable. */
  private void askServer(Consumer<Boolean> answered) {
    Background.run(
        client::health,
        health -> answered.accept(true),
        failure -> answered.accept(!Reconnection.isConnectionLoss(failure)));
  }

  private Node header() {
    Label who = new Label(user.username() + " (" + user.role().wireName() + ")");
    who.setId("signed-in-user");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Button signOut = new Button("Sign _out");
    signOut.setId("sign-out");
    signOut.setOnAction(event -> signOut());
    HBox bar = new HBox(12, who, spacer, signOut);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8, 12, 8, 12));
    return bar;
  }

  private void signOut() {
    Background.run(
        () -> {
          client.logout();
          return true;
        },
        done -> navigator.showStart(Optional.of(client.baseUri()), Optional.empty()),
        failure -> navigator.showStart(Optional.of(client.baseUri()), Optional.empty()));
  }

  private Node serverLog() {
    LogView log = new LogView();
    log.setId("server-log");
    Consumer<String> listener = log::append;
    LogFeed feed = LogFeed.installed();
    feed.follow(listener);
    closeables.add(() -> feed.unfollow(listener));
    return log;
  }

  private static Tab fixedTab(String title, Node content) {
    Tab tab = new Tab(title, content);
    tab.setClosable(false);
    return tab;
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // Closing a stream that already ended; nothing is left to release.
    }
  }
}
