package io.workspacebackend.console.start;

import atlantafx.base.theme.Styles;
import io.workspacebackend.client.ApiException;
import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.console.ConsoleEnvironment;
import io.workspacebackend.console.connection.RememberedServer;
import io.workspacebackend.console.ui.Background;
import io.workspacebackend.console.ui.ErrorText;
import io.workspacebackend.console.ui.Forms;
import io.workspacebackend.console.ui.LogView;
import io.workspacebackend.launcher.LaunchException;
import io.workspacebackend.launcher.LocalBackend;
import io.workspacebackend.launcher.LogFeed;
import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.user.User;
import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;
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
 * installation gets a form that creates its first administrator.
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

  private final Owner owner;
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
    this.owner = owner;
    this.environment = environment;
    this.logListener = log::append;

    Label title = heading("Workspace Backend", "title");
    Label noticeLabel = Forms.message("notice");
    notice.ifPresent(noticeLabel::setText);

    signInForm = signInForm();
    firstAdmin = firstAdminForm();
    firstAdmin.setId("first-admin");
    signInForm.setId("sign-in-form");
    firstAdmin.setVisible(false);
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

    presetUrl
        .or(() -> owner.localServer().map(LocalBackend::baseUri))
        .ifPresentOrElse(known -> url.setText(known.toString()), this::fillInRememberedUrl);
    owner.localServer().ifPresent(this::showRunning);
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
    url.setPromptText("http://127.0.0.1:8080");
    signIn.getStyleClass().add(Styles.ACCENT);
    signIn.setId("sign-in");
    signIn.setMinWidth(Region.USE_PREF_SIZE);
    signIn.setOnAction(event -> signIn());
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
    createAdmin.setOnAction(event -> createAdmin());
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
    startLocal.setOnAction(event -> startLocal());
    buildImage.setId("build-image");
    buildImage.setVisible(false);
    buildImage.managedProperty().bind(buildImage.visibleProperty());
    buildImage.setOnAction(event -> buildImage());
    localProgress.setVisible(false);
    localProgress.setPrefSize(20, 20);
    FlowPane buttons = new FlowPane(12, 8, startLocal, buildImage, localProgress);
    log.setId("local-log");
    VBox.setVgrow(log, Priority.ALWAYS);
    return new VBox(12, heading, hint, buttons, localStatus, log);
  }

  /** Reads the remembered URL off the FX thread; what the user typed meanwhile wins. */
  private void fillInRememberedUrl() {
    Background.run(
        () -> environment.rememberedServer().lastUrl(),
        remembered ->
            remembered
                .filter(known -> url.getText().isBlank())
                .ifPresent(known -> url.setText(known.toString())),
        failure -> {});
  }

  private void signIn() {
    URI server;
    try {
      server = RememberedServer.parse(url.getText());
    } catch (IllegalArgumentException e) {
      Forms.fail(signInMessage, "The server URL is not valid: " + e.getMessage() + ".");
      return;
    }
    if (username.getText().isBlank() || password.getText().isEmpty()) {
      Forms.fail(signInMessage, "Enter your username and password.");
      return;
    }
    String name = username.getText().strip();
    String secret = password.getText();
    busy(true, signInMessage, "Signing in…");
    Background.run(
        () -> {
          WorkspaceClient client = WorkspaceClient.forServer(server);
          Connected connected = new Connected(client, client.login(name, secret));
          environment.rememberedServer().remember(server);
          return connected;
        },
        connected -> {
          owner.showMain(connected.client(), connected.signedIn().user());
        },
        failure -> {
          busy(false, signInMessage, "");
          Forms.fail(
              signInMessage,
              failure instanceof ApiException api && api.status() == 401
                  ? "The username or password is wrong."
                  : ErrorText.of(failure));
        });
  }

  private void startLocal() {
    startLocal.setDisable(true);
    buildImage.setVisible(false);
    localProgress.setVisible(true);
    Forms.inform(localStatus, "Starting the local server…");
    Background.run(
        () -> {
          LocalBackend server = environment.launcher().start();
          boolean fresh;
          try {
            fresh = server.firstAdminNeeded();
          } catch (RuntimeException e) {
            server.close();
            throw e;
          }
          return new Started(server, fresh);
        },
        started -> {
          owner.adoptLocalServer(started.server());
          showRunning(started.server());
          url.setText(started.server().baseUri().toString());
          if (started.needsFirstAdmin()) {
            signInForm.setVisible(false);
            firstAdmin.setVisible(true);
            adminName.requestFocus();
          } else {
            username.requestFocus();
          }
        },
        this::localFailed);
  }

  private void showRunning(LocalBackend server) {
    startLocal.setDisable(true);
    localProgress.setVisible(false);
    Forms.inform(localStatus, "The local server runs at " + server.baseUri() + ".");
  }

  private void localFailed(Throwable failure) {
    localProgress.setVisible(false);
    startLocal.setDisable(false);
    if (failure instanceof LaunchException launch) {
      Forms.fail(localStatus, LocalProblems.explain(launch, environment.launcher().configFile()));
      buildImage.setVisible(launch.problem() == LaunchException.Problem.IMAGE_MISSING);
    } else {
      Forms.fail(localStatus, ErrorText.of(failure));
    }
  }

  private void buildImage() {
    buildImage.setDisable(true);
    startLocal.setDisable(true);
    localProgress.setVisible(true);
    // The image's name comes with the first progress line: reading the configuration for it here
    // would read a file on the FX thread.
    Forms.inform(localStatus, "Building the session image; this takes minutes the first time…");
    Background.run(
        () -> environment.launcher().buildSessionImage(log::append),
        tag -> {
          buildImage.setDisable(false);
          buildImage.setVisible(false);
          Forms.inform(localStatus, "Built " + tag + ". Starting the server…");
          startLocal();
        },
        failure -> {
          buildImage.setDisable(false);
          startLocal.setDisable(false);
          localProgress.setVisible(false);
          Forms.fail(localStatus, "The image build failed: " + ErrorText.of(failure));
        });
  }

  private void createAdmin() {
    String name = adminName.getText().strip();
    if (name.isEmpty() || adminPassword.getText().isEmpty()) {
      Forms.fail(adminMessage, "Choose a username and a password.");
      return;
    }
    if (!adminPassword.getText().equals(adminRepeat.getText())) {
      Forms.fail(adminMessage, "The two passwords differ.");
      return;
    }
    LocalBackend server = owner.localServer().orElseThrow();
    String secret = adminPassword.getText();
    busy(true, adminMessage, "Creating the administrator…");
    Background.run(
        () -> {
          WorkspaceClient client = WorkspaceClient.forServer(server.baseUri());
          Connected connected =
              new Connected(client, server.createFirstAdmin(client, name, secret));
          environment.rememberedServer().remember(server.baseUri());
          return connected;
        },
        connected -> {
          owner.showMain(connected.client(), connected.signedIn().user());
        },
        failure -> {
          busy(false, adminMessage, "");
          Forms.fail(adminMessage, ErrorText.of(failure));
        });
  }

  private void busy(boolean busy, Label message, String text) {
    signIn.setDisable(busy);
    createAdmin.setDisable(busy);
    Forms.inform(message, text);
  }

  private record Connected(WorkspaceClient client, SignedIn signedIn) {}

  private record Started(LocalBackend server, boolean needsFirstAdmin) {}
}
