package io.workspacebackend.console.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.console.testing.ConsoleHome;
import io.workspacebackend.launcher.LocalBackend;
import io.workspacebackend.model.auth.SignedIn;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
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

/** The server goes away under a signed-in window: one banner that retries, never a dialog. */
@ExtendWith(ApplicationExtension.class)
@Timeout(180)
class ServerLossTest {
  private ConsoleHome home;
  private Navigator navigator;
  private LocalBackend server;

  @Start
  void start(Stage stage) throws Exception {
    home = ConsoleHome.create(Map.of());
    stage.setScene(null);
    navigator = new Navigator(stage, home.environment());
    server = home.environment().launcher().start();
    WorkspaceClient client = WorkspaceClient.forServer(server.baseUri());
    SignedIn admin = server.createFirstAdmin(client, "admin", "first-admin-pw-1");
    navigator.showMain(client, admin.user());
    stage.show();
  }

  @AfterEach
  void closeTheWindow() throws Exception {
    // No server was adopted: the navigator has nothing to wait for.
    WaitForAsyncUtils.asyncFx(() -> navigator.close().join()).get();
    server.stopInBackground().get(30, TimeUnit.SECONDS);
    home.close();
  }

  @Test
  void aStoppedServerShowsOneRetryingBannerAndNoDialogs(FxRobot robot) throws Exception {
    Node banner = robot.lookup("#disconnected-banner").query();
    Label message = robot.lookup("#disconnected-message").queryAs(Label.class);
    assertThat(banner.isVisible()).isFalse();

    server.stopInBackground().get(30, TimeUnit.SECONDS);

    // The event stream ends, the banner counts 1 s, asks, finds nobody and waits 2 s: by then the
    // old console had shown its first dialog and was about to show the next.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> message.getText().startsWith("Disconnected — retrying in 2s"));
    assertThat(banner.isVisible()).isTrue();
    assertThat(WaitForAsyncUtils.asyncFx(() -> Window.getWindows().size()).get()).isEqualTo(1);
  }
}
