package io.workspacebackend.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.console.testing.ConsoleHome;
import io.workspacebackend.console.testing.Screenshots;
import io.workspacebackend.launcher.LocalBackend;
import io.workspacebackend.model.invite.Invite;
import io.workspacebackend.model.invite.InviteRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An admin's window stays current by itself: when someone registers with an invite code, the code's
 * uses and the new user's row appear without anyone pressing Refresh.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(180)
class LiveAdministrationTest {
  /** Generous for a loaded two-core machine. */
  private static final long WAIT_SECONDS = 20;

  private ConsoleHome home;
  private Navigator navigator;
  private LocalBackend server;
  private WorkspaceClient admin;
  private Stage stage;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    home = ConsoleHome.create(Map.of());
    stage.setScene(null);
    navigator = new Navigator(stage, home.environment());
    server = home.environment().launcher().start();
    admin = WorkspaceClient.forServer(server.baseUri());
    navigator.showMain(admin, server.createFirstAdmin(admin, "admin", "first-admin-pw-1").user());
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
  void aRegistrationWithAnInviteShowsTheCodesUseAndTheNewUserWithoutRefresh(FxRobot robot)
      throws Exception {
    TableView<?> invites = robot.lookup("#invites-table").queryAs(TableView.class);
    TableView<?> users = robot.lookup("#users-table").queryAs(TableView.class);
    selectTab(robot, "Invites");
    // The first listings are in: the first admin's own (used) code, and the admin.
    waitUntil(() -> !invites.getItems().isEmpty() && !users.getItems().isEmpty());

    Invite invite = admin.generateInvites(new InviteRequest(1, 2, null, "user", "live")).get(0);
    // Listed already, it can only have come by the event stream: the stream is live.
    waitUntil(() -> cellTexts(robot, invites).contains(invite.code()));
    assertThat(cellTexts(robot, invites)).contains("0 / 2");

    WorkspaceClient.forServer(server.baseUri())
        .register(invite.code(), "newcomer", "newcomer-password-1");

    waitUntil(() -> cellTexts(robot, invites).contains("1 / 2"));
    Screenshots.save(stage, "invites-live");
    selectTab(robot, "Users");
    waitUntil(() -> cellTexts(robot, users).contains("newcomer"));
    Screenshots.save(stage, "users-live");
    assertThat(onFx(() -> users.getItems().size())).isEqualTo(2);
  }

  private static void selectTab(FxRobot robot, String title) {
    TabPane tabs = robot.lookup("#main-tabs").queryAs(TabPane.class);
    robot.interact(
        () ->
            tabs.getTabs().stream()
                .filter(tab -> tab.getText().equals(title))
                .findFirst()
                .ifPresent(tab -> tabs.getSelectionModel().select(tab)));
  }

  /** The texts the table's cells show now. */
  private static List<String> cellTexts(FxRobot robot, TableView<?> table) throws Exception {
    return onFx(
        () ->
            robot.from(table).lookup(".table-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText)
                .filter(text -> text != null && !text.isEmpty())
                .toList());
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> onFx(condition));
  }

  /** Reads the window's state on the FX thread, where it changes. */
  private static <T> T onFx(Callable<T> read) throws Exception {
    return WaitForAsyncUtils.asyncFx(read).get();
  }
}
