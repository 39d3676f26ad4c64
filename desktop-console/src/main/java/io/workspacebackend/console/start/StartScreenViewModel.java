package io.workspacebackend.console.start;

import io.workspacebackend.client.ApiException;
import io.workspacebackend.console.ui.ErrorText;
import io.workspacebackend.console.ui.Worker;
import io.workspacebackend.launcher.LaunchException;
import io.workspacebackend.model.auth.CredentialRules;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The start screen's state and rules, without a control: the sign-in form's fields, what it checks
 * and what it says; the local server's state and which buttons and form each state offers; the
 * first-admin form. Blocking calls go through {@link StartScreenCalls} on a {@link Worker}; called
 * on the JavaFX thread only.
 */
final class StartScreenViewModel {
  static final String WRONG_CREDENTIALS = "The username or password is wrong.";
  static final String CREDENTIALS_MISSING = "Enter your username and password.";
  static final String ADMIN_CREDENTIALS_MISSING = "Choose a username and a password.";
  static final String PASSWORDS_DIFFER = "The two passwords differ.";

  private final StartScreenCalls calls;
  private final Worker worker;
  private final Path configFile;
  private final Consumer<String> buildOutput;
  private final Consumer<Connected> signedIn;

  private final StringProperty url = new SimpleStringProperty("");
  private final StringProperty username = new SimpleStringProperty("");
  private final StringProperty password = new SimpleStringProperty("");
  private final ReadOnlyObjectWrapper<Feedback> signInMessage =
      new ReadOnlyObjectWrapper<>(Feedback.NONE);
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

  private final ReadOnlyObjectWrapper<LocalServerState> state =
      new ReadOnlyObjectWrapper<>(LocalServerState.NOT_STARTED);
  private final ReadOnlyObjectWrapper<Feedback> localStatus =
      new ReadOnlyObjectWrapper<>(Feedback.NONE);
  private final ReadOnlyBooleanWrapper buildImageShown = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper startLocalDisabled = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper buildImageDisabled = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper firstAdminShown = new ReadOnlyBooleanWrapper();

  private final StringProperty adminName = new SimpleStringProperty("");
  private final StringProperty adminPassword = new SimpleStringProperty("");
  private final StringProperty adminRepeat = new SimpleStringProperty("");
  private final ReadOnlyObjectWrapper<Feedback> adminMessage =
      new ReadOnlyObjectWrapper<>(Feedback.NONE);

  private LocalServer localServer;

  /**
   * @param configFile the configuration a local server reads, named when a setting is the fix
   * @param buildOutput takes the image build's output lines, on the worker's thread
   * @param signedIn opens the main window; the start screen is done then
   */
  StartScreenViewModel(
      StartScreenCalls calls,
      Worker worker,
      Path configFile,
      Consumer<String> buildOutput,
      Consumer<Connected> signedIn) {
    this.calls = calls;
    this.worker = worker;
    this.configFile = configFile;
    this.buildOutput = buildOutput;
    this.signedIn = signedIn;
    startLocalDisabled.bind(
        Bindings.createBooleanBinding(() -> !state.get().startOffered(), state));
    working.bind(Bindings.createBooleanBinding(() -> state.get().working(), state));
    buildImageDisabled.bind(state.isEqualTo(LocalServerState.BUILDING_IMAGE));
    firstAdminShown.bind(state.isEqualTo(LocalServerState.NEEDS_FIRST_ADMIN));
  }

  /**
   * What the screen opens with: {@code running}, the local server the window keeps, if any; the URL
   * given, else that server's, else the one remembered (read on a worker: what the user typed
   * meanwhile wins).
   */
  void open(Optional<URI> presetUrl, Optional<LocalServer> running) {
    running.ifPresent(server -> showRunning(server, LocalServerState.RUNNING));
    Optional<URI> known = presetUrl.or(() -> running.map(LocalServer::address));
    if (known.isPresent()) {
      url.set(known.get().toString());
      return;
    }
    worker.run(
        calls::rememberedUrl,
        remembered ->
            remembered
                .filter(found -> url.get().isBlank())
                .ifPresent(found -> url.set(found.toString())),
        // Forgetting the URL costs only typing; RememberedServer logs what it could not read.
        failure -> {});
  }

  StringProperty urlProperty() {
    return url;
  }

  StringProperty usernameProperty() {
    return username;
  }

  StringProperty passwordProperty() {
    return password;
  }

  /** Under the sign-in form: signing in, or why not. */
  ReadOnlyObjectProperty<Feedback> signInMessageProperty() {
    return signInMessage.getReadOnlyProperty();
  }

  /** Whether a sign-in or the first admin's creation is under way: neither button works then. */
  ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  ReadOnlyObjectProperty<LocalServerState> localStateProperty() {
    return state.getReadOnlyProperty();
  }

  /** The local server panel's line: what runs or starts where, or why it failed and the fix. */
  ReadOnlyObjectProperty<Feedback> localStatusProperty() {
    return localStatus.getReadOnlyProperty();
  }

  ReadOnlyBooleanProperty startLocalDisabledProperty() {
    return startLocalDisabled.getReadOnlyProperty();
  }

  /** Build image is offered while the session image is missing (and while it builds). */
  ReadOnlyBooleanProperty buildImageShownProperty() {
    return buildImageShown.getReadOnlyProperty();
  }

  ReadOnlyBooleanProperty buildImageDisabledProperty() {
    return buildImageDisabled.getReadOnlyProperty();
  }

  /** Whether the local server is starting or its image building: the panel shows progress. */
  ReadOnlyBooleanProperty workingProperty() {
    return working.getReadOnlyProperty();
  }

  /** Whether the first-admin form shows instead of the sign-in form. */
  ReadOnlyBooleanProperty firstAdminShownProperty() {
    return firstAdminShown.getReadOnlyProperty();
  }

  StringProperty adminNameProperty() {
    return adminName;
  }

  StringProperty adminPasswordProperty() {
    return adminPassword;
  }

  StringProperty adminRepeatProperty() {
    return adminRepeat;
  }

  /** Under the first-admin form: creating the account, or why not. */
  ReadOnlyObjectProperty<Feedback> adminMessageProperty() {
    return adminMessage.getReadOnlyProperty();
  }

  /** Signs in to the URL's server; once signed in, remembers it and opens the main window. */
  void signIn() {
    if (busy.get()) {
      return;
    }
    URI server;
    try {
      server = ServerUrl.parse(url.get());
    } catch (ServerUrl.Invalid e) {
      signInMessage.set(Feedback.problem(e.getMessage()));
      return;
    }
    if (username.get().isBlank() || password.get().isEmpty()) {
      signInMessage.set(Feedback.problem(CREDENTIALS_MISSING));
      return;
    }
    String name = username.get().strip();
    String secret = password.get();
    busy.set(true);
    signInMessage.set(Feedback.info("Signing in…"));
    worker.run(
        () -> {
          Connected connected = calls.signIn(server, name, secret);
          calls.remember(server);
          return connected;
        },
        signedIn,
        failure -> {
          busy.set(false);
          signInMessage.set(Feedback.problem(signInFailure(failure)));
        });
  }

  /**
   * The server answers a disabled account as it answers a wrong password, so that nobody learns
   * which accounts exist; the 401 sentence of {@link ErrorText} (an expired sign-in) would mislead.
   */
  private static String signInFailure(Throwable failure) {
    return failure instanceof ApiException api && api.isUnauthorized()
        ? WRONG_CREDENTIALS
        : ErrorText.of(failure);
  }

  /** Starts a server in this JVM; a fresh one asks for its first admin. */
  void startLocal() {
    if (state.get().startOffered()) {
      launch(Feedback.info("Starting the local server…"));
    }
  }

  private void launch(Feedback starting) {
    buildImageShown.set(false);
    localStatus.set(starting);
    state.set(LocalServerState.STARTING);
    worker.run(calls::startLocal, this::started, this::startFailed);
  }

  private void started(StartScreenCalls.Started started) {
    LocalServer server = started.server();
    server.keepRunning();
    url.set(server.address().toString());
    showRunning(
        server,
        started.needsFirstAdmin() ? LocalServerState.NEEDS_FIRST_ADMIN : LocalServerState.RUNNING);
  }

  private void showRunning(LocalServer server, LocalServerState running) {
    localServer = server;
    localStatus.set(Feedback.info("The local server runs at " + server.address() + "."));
    state.set(running);
  }

  private void startFailed(Throwable failure) {
    if (failure instanceof LaunchException launch) {
      localStatus.set(Feedback.problem(LocalProblems.explain(launch, configFile)));
      buildImageShown.set(launch.problem() == LaunchException.Problem.IMAGE_MISSING);
    } else {
      localStatus.set(Feedback.problem(ErrorText.of(failure)));
    }
    state.set(LocalServerState.FAILED);
  }

  /** Builds the missing session image, then starts the server. */
  void buildImage() {
    if (!buildImageShown.get() || state.get() != LocalServerState.FAILED) {
      return;
    }
    // The image's name comes with the first line of output: the configuration that names it is
    // read on the worker.
    localStatus.set(
        Feedback.info("Building the session image; this takes minutes the first time…"));
    state.set(LocalServerState.BUILDING_IMAGE);
    worker.run(
        () -> calls.buildSessionImage(buildOutput),
        tag -> launch(Feedback.info("Built " + tag + ". Starting the server…")),
        failure -> {
          localStatus.set(Feedback.problem("The image build failed: " + ErrorText.of(failure)));
          state.set(LocalServerState.FAILED);
        });
  }

  /**
   * Creates the fresh local server's first administrator and signs in as it, checking first what
   * the server would refuse.
   */
  void createAdmin() {
    if (busy.get() || state.get() != LocalServerState.NEEDS_FIRST_ADMIN) {
      return;
    }
    String name = adminName.get().strip();
    String secret = adminPassword.get();
    Optional<String> problem = firstAdminProblem(name, secret);
    if (problem.isPresent()) {
      adminMessage.set(Feedback.problem(problem.get()));
      return;
    }
    LocalServer server = localServer;
    busy.set(true);
    adminMessage.set(Feedback.info("Creating the administrator…"));
    worker.run(
        () -> {
          Connected connected = server.createFirstAdmin(name, secret);
          calls.remember(server.address());
          return connected;
        },
        signedIn,
        failure -> {
          busy.set(false);
          adminMessage.set(Feedback.problem(ErrorText.of(failure)));
        });
  }

  private Optional<String> firstAdminProblem(String name, String secret) {
    if (name.isEmpty() || secret.isEmpty()) {
      return Optional.of(ADMIN_CREDENTIALS_MISSING);
    }
    return CredentialRules.usernameProblem(name)
        .map(problem -> "The username " + problem + ".")
        .or(
            () ->
                CredentialRules.passwordProblem(secret)
                    .map(problem -> "The password " + problem + "."))
        .or(
            () ->
                secret.equals(adminRepeat.get())
                    ? Optional.empty()
                    : Optional.of(PASSWORDS_DIFFER));
  }
}
