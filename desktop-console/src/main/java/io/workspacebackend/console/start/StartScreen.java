package io.workspacebackend.console.start;

import atlantafx.base.theme.Styles;
import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.console.ConsoleEnvironment;
import io.workspacebackend.console.ui.Background;
import io.workspacebackend.console.ui.Forms;
import io.workspacebackend.console.ui.LogView;
import io.workspacebackend.launcher.LocalBackend;
import io.workspacebackend.launcher.LogFeed;
import io.workspacebackend.model.user.User;
import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The first screen: sign in to a backend, or start one inside the console. A fresh local
 * installation gets a form that creates its first administrator. This class builds the controls and
 * binds them; {@link StartScreenViewModel} holds what they show and the rules.
 */
public final class StartScreen {
  /**
   * What the start screen needs from the window that shows it (the shell's navigator): where to go
   * once signed in, and a home for the local server, which outlives this screen.
   */
  public interface Owner {
    void showMain(WorkspaceClient client, User user);

    Optional<LocalBackend> localServer();

    void adoptLocalServer(LocalBackend server);
  }

  private final StartScreenViewModel model;
  private final ConsoleEnvironment environment;
  private final Consumer<String> logListener;

  private final TextField url = Forms.textField("url");
  private final TextField username = Forms.textField("username");
  private final PasswordField password = Forms.passwordField("password");
  private final Button signIn = new Button("_Sign in");
  private final Label signInMessage = Forms.message("sign-in-message");

  private final Button startLocal = new Button("Start a _local server");
  private final Button buildImage = new Button("_Build image");
  private final ProgressIndicator localProgress = new ProgressIndicator();
  private final Label localStatus = Forms.message("local-status");
  private final LogView log = new LogView();

  private final TextField adminName = Forms.textField("admin-username");
  private final PasswordField adminPassword = Forms.passwordField("admin-password");
  private final PasswordField adminRepeat = Forms.passwordField("admin-password-repeat");
  private final Button createAdmin = new Button("_Create admin and sign in");
  private final Label adminMessage = Forms.message("admin-message");
  private final VBox firstAdmin;
  private final VBox signInForm;
  private final VBox root;

  public StartScreen(
      Owner owner,
      ConsoleEnvironment environment,
      Optional<URI> presetUrl,
      Optional<String> notice) {
    this.environment = environment;
    this.logListener = log::append;
    this.model =
        new StartScreenViewModel(
            new LauncherCalls(environment, owner),
            Background::run,
            environment.launcher().configFile(),
            log::append,
            connected -> owner.showMain(connected.client(), connected.user()));

    Label title = heading("Workspace Backend", "title");
    Label noticeLabel = Forms.message("notice");
    notice.ifPresent(noticeLabel::setText);

    signInForm = signInForm();
    firstAdmin = firstAdminForm();
    firstAdmin.setId("first-admin");
    signInForm.setId("sign-in-form");
    firstAdmin.managedProperty().bind(firstAdmin.visibleProperty());
    signInForm.managedProperty().bind(signInForm.visibleProperty());
    // Enter submits whichever form is showing.
    signIn.defaultButtonProperty().bind(signInForm.visibleProperty());
    createAdmin.defaultButtonProperty().bind(firstAdmin.visibleProperty());

    // Side by side down to half a laptop screen (690 px): the forms keep room for their labels
    // and fields, the local server's panel wraps its text and takes what is left.
    VBox left = new VBox(12, signInForm, firstAdmin);
    left.setPrefWidth(420);
    left.setMinWidth(340);
    VBox right = localServerPanel();
    right.setPrefWidth(420);
    right.setMinWidth(240);
    HBox.setHgrow(right, Priority.ALWAYS);
    HBox columns = new HBox(32, left, right);
    VBox.setVgrow(columns, Priority.ALWAYS);
    root = new VBox(16, title, noticeLabel, columns);
    root.setPadding(new Insets(24));

    bindToModel();
    model.open(presetUrl, owner.localServer().map(server -> new LaunchedServer(server, owner)));
    LogFeed feed = LogFeed.installed();
    feed.follow(logListener);
    root.sceneProperty()
        .addListener(
            (observable, old, scene) -> {
              if (scene == null) {
                feed.unfollow(logListener);
              }
            });
  }

  public Parent root() {
    return root;
  }

  /** A heading that wraps rather than end in "…" when its column is narrow. */
  private static Label heading(String text, String style) {
    Label heading = new Label(text);
    heading.getStyleClass().add(style);
    heading.setWrapText(true);
    heading.setMinHeight(Region.USE_PREF_SIZE);
    return heading;
  }

  private VBox signInForm() {
    Label heading = heading("Connect to a server", "section-title");
    GridPane grid = Forms.grid();
    Forms.row(grid, 0, "Server _URL", url);
    Forms.row(grid, 1, "User_name", username);
    Forms.row(grid, 2, "_Password", password);
    url.setPromptText(ServerUrl.EXAMPLE);
    signIn.getStyleClass().add(Styles.ACCENT);
    signIn.setId("sign-in");
    signIn.setMinWidth(Region.USE_PREF_SIZE);
    signIn.setOnAction(event -> model.signIn());
    return new VBox(12, heading, grid, signIn, signInMessage);
  }

  private VBox firstAdminForm() {
    Label heading = heading("Create the first administrator", "section-title");
    Label hint =
        new Label(
            "Nobody has an account on this server yet. Choose the administrator's name and"
                + " password; the console creates the account and signs you in.");
    hint.getStyleClass().add("hint");
    hint.setWrapText(true);
    // All its lines: the log below it is what gives up height.
    hint.setMinHeight(Region.USE_PREF_SIZE);
    GridPane grid = Forms.grid();
    Forms.row(grid, 0, "User_name", adminName);
    Forms.row(grid, 1, "_Password", adminPassword);
    Forms.row(grid, 2, "_Repeat password", adminRepeat);
    createAdmin.setId("create-admin");
    createAdmin.setMinWidth(Region.USE_PREF_SIZE);
    createAdmin.getStyleClass().add(Styles.ACCENT);
    createAdmin.setOnAction(event -> model.createAdmin());
    return new VBox(12, heading, hint, grid, createAdmin, adminMessage);
  }

  private VBox localServerPanel() {
    Label heading = heading("Or run the backend here", "section-title");
    Label hint =
        new Label(
            "Starts the backend inside this console with your usual configuration ("
                + environment.launcher().configFile()
                + "). It stops when you quit.");
    hint.getStyleClass().add("hint");
    hint.setWrapText(true);
    // All its lines: the log below it is what gives up height.
    hint.setMinHeight(Region.USE_PREF_SIZE);
    startLocal.setId("start-local");
    startLocal.setMinWidth(Region.USE_PREF_SIZE);
    buildImage.setMinWidth(Region.USE_PREF_SIZE);
    startLocal.setOnAction(event -> model.startLocal());
    buildImage.setId("build-image");
    buildImage.managedProperty().bind(buildImage.visibleProperty());
    buildImage.setOnAction(event -> model.buildImage());
    localProgress.setPrefSize(20, 20);
    FlowPane buttons = new FlowPane(12, 8, startLocal, buildImage, localProgress);
    log.setId("local-log");
    VBox.setVgrow(log, Priority.ALWAYS);
    return new VBox(12, heading, hint, buttons, localStatus, log);
  }

  private void bindToModel() {
    url.textProperty().bindBidirectional(model.urlProperty());
    username.textProperty().bindBidirectional(model.usernameProperty());
    password.textProperty().bindBidirectional(model.passwordProperty());
    adminName.textProperty().bindBidirectional(model.adminNameProperty());
    adminPassword.textProperty().bindBidirectional(model.adminPasswordProperty());
    adminRepeat.textProperty().bindBidirectional(model.adminRepeatProperty());
    signIn.disableProperty().bind(model.busyProperty());
    createAdmin.disableProperty().bind(model.busyProperty());
    startLocal.disableProperty().bind(model.startLocalDisabledProperty());
    buildImage.visibleProperty().bind(model.buildImageShownProperty());
    buildImage.disableProperty().bind(model.buildImageDisabledProperty());
    localProgress.visibleProperty().bind(model.workingProperty());
    follow(model.signInMessageProperty(), signInMessage);
    follow(model.localStatusProperty(), localStatus);
    follow(model.adminMessageProperty(), adminMessage);
    // Set rather than bound: a layout test shows the first-admin form by hand.
    showFirstAdmin(model.firstAdminShownProperty().get());
    model.firstAdminShownProperty().addListener((property, before, shown) -> showFirstAdmin(shown));
    model.localStateProperty().addListener((property, before, now) -> focusFor(before, now));
  }

  private void showFirstAdmin(boolean shown) {
    firstAdmin.setVisible(shown);
    signInForm.setVisible(!shown);
  }

  /** Once the local server runs, the field to type in next has the focus. */
  private void focusFor(LocalServerState before, LocalServerState now) {
    if (now == LocalServerState.NEEDS_FIRST_ADMIN) {
      adminName.requestFocus();
    } else if (now == LocalServerState.RUNNING && before == LocalServerState.STARTING) {
      username.requestFocus();
    }
  }

  private static void follow(ObservableValue<Feedback> feedback, Label label) {
    show(feedback.getValue(), label);
    feedback.addListener((property, before, now) -> show(now, label));
  }

  private static void show(Feedback feedback, Label label) {
    if (feedback.problem()) {
      Forms.fail(label, feedback.text());
    } else {
      Forms.inform(label, feedback.text());
    }
  }
}
