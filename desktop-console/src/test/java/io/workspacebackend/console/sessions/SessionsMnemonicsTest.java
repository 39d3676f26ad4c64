package io.workspacebackend.console.sessions;

import static org.awaitility.Awaitility.await;

import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.console.connection.LiveEvents;
import io.workspacebackend.console.shell.Navigator;
import io.workspacebackend.console.testing.ConsoleHome;
import io.workspacebackend.console.ui.Workbench;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.model.user.User;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Sessions toolbar's mnemonics in the console's window after the start screen left it (its
 * "User_name" label once swallowed Alt+N), inside a tab as the signed-in window shows it. No
 * backend: the client points at a closed port and the view's failures to load are ignored.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class SessionsMnemonicsTest {
  private ConsoleHome home;
  private Navigator navigator;
  private SessionsView sessions;

  @Start
  void start(Stage stage) throws Exception {
    home = ConsoleHome.create(Map.of());
    stage.setScene(null);
    navigator = new Navigator(stage, home.environment());
    navigator.showStart();
    stage.show();
    // What signing in does: the start screen leaves the window and the signed-in views come.
    Offline offline = new Offline(stage);
    sessions = new SessionsView(offline, new LiveEvents(offline));
    TabPane tabs = new TabPane(new Tab("Sessions", sessions.root()));
    ((BorderPane) stage.getScene().getRoot()).setCenter(tabs);
  }

  @AfterEach
  void closeTheView() throws Exception {
    WaitForAsyncUtils.asyncFx(sessions::close).get();
    AtomicReference<CompletableFuture<Void>> stopped = new AtomicReference<>();
    WaitForAsyncUtils.asyncFx(() -> stopped.set(navigator.close())).get();
    stopped.get().get();
    home.close();
  }

  @Test
  void afterSigningInAltNOpensTheNewSessionDialog(FxRobot robot) {
    robot.clickOn("#sessions-table");
    robot.push(KeyCode.ALT, KeyCode.N);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> robot.lookup("#session-name").tryQuery().isPresent());
    robot.push(KeyCode.ESCAPE);
  }

  /** A signed-in window with no server behind it. */
  private record Offline(Stage stage) implements Workbench {
    @Override
    public WorkspaceClient client() {
      return WorkspaceClient.forServer(URI.create("http://127.0.0.1:9"));
    }

    @Override
    public User user() {
      return new User(UUID.randomUUID(), "dev", Role.USER, false, Instant.EPOCH, null);
    }

    @Override
    public void openTab(String title, Node content, AutoCloseable onClose) {}

    @Override
    public void failed(String heading, Throwable failure) {}

    @Override
    public void whenReconnected(Runnable reload) {}

    @Override
    public Window window() {
      return stage;
    }
  }
}
