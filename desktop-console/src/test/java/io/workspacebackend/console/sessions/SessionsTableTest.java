package io.workspacebackend.console.sessions;

import static io.workspacebackend.console.sessions.Fixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.console.connection.LiveEvents;
import io.workspacebackend.console.ui.Workbench;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.User;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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
 * The sessions table in a window, fed announced sessions with no server behind it: sorting, the
 * filter and its placeholder, the context menu per state and the keys.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class SessionsTableTest {
  private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final Session older = session("alpha", SessionStatus.RUNNING, T0);
  private final Session newer = session("beta", SessionStatus.STOPPED, T0.plusSeconds(3600));
  private final List<String> tabs = new CopyOnWriteArrayList<>();
  private SessionsView sessions;

  @Start
  void start(Stage stage) {
    Offline offline = new Offline(stage, tabs);
    sessions = new SessionsView(offline, new LiveEvents(offline));
    sessions.model().listed(List.of(older, newer), List.of());
    stage.setScene(new Scene(sessions.root(), 1100, 400));
    stage.show();
  }

  @AfterEach
  void closeTheView() throws Exception {
    WaitForAsyncUtils.asyncFx(sessions::close).get();
  }

  @Test
  void newestSessionsComeFirst(FxRobot robot) {
    assertThat(names(robot)).containsExactly("beta", "alpha");
  }

  @Test
  void theFilterNarrowsTheRowsAndSaysWhenNoneMatches(FxRobot robot) {
    robot.clickOn("#session-filter").write("alp");
    await().atMost(WAIT).until(() -> names(robot).equals(List.of("alpha")));

    robot.write("zzz");
    await().atMost(WAIT).until(() -> names(robot).isEmpty());
    assertThat(robot.lookup("#sessions-placeholder").queryAs(Label.class).getText())
        .isEqualTo(SessionsViewModel.NO_MATCH);
  }

  @Test
  void theContextMenuOffersWhatTheRowsStateAllows(FxRobot robot) {
    robot.rightClickOn(cellOf(robot, "beta"));
    await().atMost(WAIT).until(() -> menuItem("menu-start-session") != null);

    assertThat(menuItem("menu-start-session").isDisable()).isFalse();
    assertThat(menuItem("menu-stop-session").isDisable()).isTrue();
    assertThat(menuItem("menu-open-browser").isDisable()).isTrue();
    assertThat(menuItem("menu-open-terminal").isDisable()).isTrue();
    assertThat(menuItem("menu-delete-session").isDisable()).isFalse();
    robot.push(KeyCode.ESCAPE);
  }

  @Test
  void theDeleteKeyAsksFirstAndCancellingKeepsTheRow(FxRobot robot) {
    robot.clickOn(cellOf(robot, "beta"));
    robot.push(KeyCode.DELETE);
    await().atMost(WAIT).until(() -> robot.lookup("#confirm").tryQuery().isPresent());

    robot.push(KeyCode.ESCAPE);
    await().atMost(WAIT).until(() -> robot.lookup("#confirm").tryQuery().isEmpty());
    assertThat(names(robot)).containsExactly("beta", "alpha");
  }

  @Test
  void ctrlLOpensTheLogsAndEnterOnAStoppedSessionOpensNoTerminal(FxRobot robot) {
    robot.clickOn(cellOf(robot, "alpha"));
    robot.push(KeyCode.SHORTCUT, KeyCode.L);
    await().atMost(WAIT).until(() -> tabs.contains("Logs: alpha"));

    robot.clickOn(cellOf(robot, "beta"));
    robot.push(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(tabs).containsExactly("Logs: alpha");
  }

  private static List<String> names(FxRobot robot) {
    TableView<?> table = robot.lookup("#sessions-table").queryAs(TableView.class);
    return table.getItems().stream().map(row -> ((SessionItem) row).session().name()).toList();
  }

  private static Node cellOf(FxRobot robot, String name) {
    return robot.lookup(".table-cell").match((Labeled cell) -> name.equals(cell.getText())).query();
  }

  /** The item of the context menu now showing, or null while none shows. */
  private static MenuItem menuItem(String id) {
    return Window.getWindows().stream()
        .filter(window -> window instanceof ContextMenu && window.isShowing())
        .flatMap(window -> ((ContextMenu) window).getItems().stream())
        .filter(item -> id.equals(item.getId()))
        .findFirst()
        .orElse(null);
  }

  /** A signed-in window with no server behind it; tabs are only recorded. */
  private record Offline(Stage stage, List<String> tabs) implements Workbench {
    @Override
    public WorkspaceClient client() {
      return WorkspaceClient.forServer(URI.create("http://127.0.0.1:9"));
    }

    @Override
    public User user() {
      return Fixtures.DEV;
    }

    @Override
    public void openTab(String title, Node content, AutoCloseable onClose) {
      tabs.add(title);
    }

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
