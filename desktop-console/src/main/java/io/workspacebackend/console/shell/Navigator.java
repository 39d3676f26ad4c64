package io.workspacebackend.console.shell;

import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.console.ConsoleEnvironment;
import io.workspacebackend.console.platform.DesktopOs;
import io.workspacebackend.console.start.StartScreen;
import io.workspacebackend.console.theme.LiveTheme;
import io.workspacebackend.console.theme.Themes;
import io.workspacebackend.launcher.LocalBackend;
import io.workspacebackend.model.user.User;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.HostServices;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * Switches the one window between the start screen and the signed-in views, and owns what lives
 * longer than a screen: the theme, and the local server if the console started one.
 */
public final class Navigator implements StartScreen.Owner {
  private final Stage stage;
  private final ConsoleEnvironment environment;
  private final LiveTheme theme;
  private LocalBackend localServer;
  private MainView main;
  private HostServices hostServices;

  /** The window's own frame (menus, error bar); a scene the stage had before is not ours. */
  private BorderPane frame;

  /** Applies the remembered theme: on the FX thread, before the window first shows. */
  public Navigator(Stage stage, ConsoleEnvironment environment) {
    this.stage = stage;
    this.environment = environment;
    this.theme = LiveTheme.start(environment.rememberedTheme());
  }

  /** The start screen, e.g. at launch or after signing out. */
  public void showStart() {
    showStart(Optional.empty(), Optional.empty());
  }

  /**
   * The start screen with {@code url} filled in and {@code notice} shown above the form (used when
   * a token expired: the user signs in again to the same server).
   */
  public void showStart(Optional<URI> url, Optional<String> notice) {
    closeMain();
    show(new StartScreen(this, environment, url, notice).root());
  }

  @Override
  public void showMain(WorkspaceClient client, User user) {
    closeMain();
    main = new MainView(this, client, user);
    show(main.root());
  }

  /** How the application opens documents in the user's browser (absent outside the real app). */
  public void useHostServices(HostServices services) {
    this.hostServices = services;
  }

  Optional<HostServices> hostServices() {
    return Optional.ofNullable(hostServices);
  }

  public Stage stage() {
    return stage;
  }

  @Override
  public Optional<LocalBackend> localServer() {
    return Optional.ofNullable(localServer);
  }

  @Override
  public void adoptLocalServer(LocalBackend server) {
    this.localServer = server;
  }

  /**
   * Hides the window at once, closes the signed-in views (our own streams first) and stops a local
   * server off the FX thread; the application is going away.
   *
   * @return when the local server has stopped (at once without one)
   */
  public CompletableFuture<Void> close() {
    stage.hide();
    closeMain();
    theme.close();
    if (localServer == null) {
      return CompletableFuture.completedFuture(null);
    }
    LocalBackend stopping = localServer;
    localServer = null;
    return stopping.stopInBackground();
  }

  private void closeMain() {
    if (main != null) {
      main.close();
      main = null;
    }
  }

  /**
   * Drops mnemonic keys whose controls all left the scene. JavaFX 21 keeps such a key with an empty
   * list, and on Alt+N it takes the first key matching N: the start screen's "User_name" ('n') hid
   * "_New session…" ('N') after signing in, and "Start a _local server" hid "_Logs".
   */
  private static void forgetDepartedMnemonics(Scene scene) {
    if (scene != null) {
      scene.getMnemonics().values().removeIf(List::isEmpty);
    }
  }

  /**
   * Shows {@code root} below the menu bar and above the unexpected-error line, which both stay for
   * the window's lifetime.
   */
  private void show(Parent root) {
    if (frame == null) {
      frame = new BorderPane();
      frame.setId("frame");
      Scene scene = new Scene(frame, 1100, 720);
      scene.getStylesheets().add(Themes.consoleStylesheet());
      frame.setTop(
          new ConsoleMenus(
                  DesktopOs.current(), stage, scene, () -> PreferencesDialog.show(stage, theme))
              .menuBar());
      frame.setBottom(new UnexpectedErrorBar(UnexpectedErrors.instance()).root());
      stage.setScene(scene);
      // Before the scene's own handling, which looks the key up among the mnemonics.
      stage.addEventFilter(
          KeyEvent.KEY_PRESSED, event -> forgetDepartedMnemonics(stage.getScene()));
    }
    frame.setCenter(root);
  }
}
