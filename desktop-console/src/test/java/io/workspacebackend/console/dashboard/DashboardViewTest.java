package io.workspacebackend.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.console.shell.Navigator;
import io.workspacebackend.console.testing.ConsoleHome;
import io.workspacebackend.console.testing.Screenshots;
import io.workspacebackend.launcher.LocalBackend;
import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.invite.InviteRequest;
import io.workspacebackend.model.session.CreateSessionRequest;
import io.workspacebackend.model.user.User;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.chart.AreaChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dashboard in a real window against a backend started in-process on the Docker engine, with a
 * real session container: what an admin sees first, and that others do not get it.
 */
@ExtendWith(ApplicationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class DashboardViewTest {
  private static final String PASSWORD = "first-admin-pw-1";
  private static final Duration SLOW = Duration.ofMinutes(3);

  private ConsoleHome home;
  private LocalBackend server;
  private WorkspaceClient admin;
  private User adminUser;
  private Stage stage;
  private Navigator navigator;
  private UUID sessionId;

  @BeforeAll
  void startTheServer() throws Exception {
    home = ConsoleHome.create(Map.of());
    server = home.environment().launcher().start();
    admin = WorkspaceClient.forServer(server.baseUri());
    SignedIn signedIn = server.createFirstAdmin(admin, "admin", PASSWORD);
    adminUser = signedIn.user();
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
    stage.setScene(null);
    navigator = new Navigator(stage, home.environment());
    // The console's default size: an earlier test in this JVM may have left the stage narrower.
    stage.setWidth(1100);
    stage.setHeight(720);
    stage.show();
  }

  @AfterEach
  void closeTheWindow() throws Exception {
    WaitForAsyncUtils.asyncFx(() -> navigator.close().join()).get();
    if (sessionId != null) {
      admin.deleteSession(sessionId);
      sessionId = null;
    }
  }

  @AfterAll
  void stopTheServer() throws Exception {
    try {
      server.stopInBackground().get(30, TimeUnit.SECONDS);
    } finally {
      home.close();
    }
  }

  @Test
  void anAdminSeesTheEngineAndTheSessionsLiveOnTheFirstTab(FxRobot robot) throws Exception {
    robot.interact(() -> navigator.showMain(admin, adminUser));

    TabPane tabs = robot.lookup("#main-tabs").queryAs(TabPane.class);
    Tab first = tabs.getTabs().get(0);
    assertThat(first.getText()).isEqualTo("Dashboard");
    assertThat(tabs.getSelectionModel().getSelectedItem()).isSameAs(first);
    Label engine = robot.lookup("#engine-title").queryAs(Label.class);
    await().atMost(Duration.ofSeconds(30)).until(() -> engine.getText().startsWith("Docker "));
    assertThat(engine.getText()).matches("Docker \\d+\\.\\d+.*");
    assertThat(text(robot, "#engine-image")).isEqualTo("Session image present");
    assertThat(text(robot, "#count-total")).isEqualTo("0");
    assertThat(text(robot, "#status-engine")).isEqualTo(engine.getText());
    assertThat(text(robot, "#status-connection")).isEqualTo("Connected");

    sessionId = admin.createSession(new CreateSessionRequest("dashboard", null, null, null)).id();

    // Only the event stream tells the dashboard: it never reloads the list by itself.
    await().atMost(Duration.ofSeconds(10)).until(() -> text(robot, "#count-total").equals("1"));
    await().atMost(SLOW).until(() -> text(robot, "#count-running").equals("1"));
    // The next sampling round sums the running session's memory.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> text(robot, "#memory-now").matches("Memory  [1-9].* [KMG]iB"));
    // A few samples make a line worth looking at in the screenshot.
    AreaChart<?, ?> memory = robot.lookup("#memory-chart").queryAs(AreaChart.class);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> memory.getData().get(0).getData().size() >= 3);
    Screenshots.save(stage, "dashboard");

    // The console's own colours (state counts, the sessions table's status) on the dark theme.
    setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
    Screenshots.save(stage, "dashboard-dark");
    robot.interact(() -> tabs.getSelectionModel().select(1));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> robot.lookup(".table-cell.status-running").tryQuery().isPresent());
    Screenshots.save(stage, "sessions-dark");
    setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
  }

  @Test
  void aUserWhoIsNoAdminGetsNoDashboard(FxRobot robot) throws Exception {
    String code = admin.generateInvites(new InviteRequest(1, 1, null, "user", null)).get(0).code();
    WorkspaceClient colleague = WorkspaceClient.forServer(server.baseUri());
    User user = colleague.register(code, "colleague", PASSWORD).user();

    robot.interact(() -> navigator.showMain(colleague, user));

    TabPane tabs = robot.lookup("#main-tabs").queryAs(TabPane.class);
    assertThat(tabs.getTabs()).extracting(Tab::getText).doesNotContain("Dashboard");
    assertThat(tabs.getTabs().get(0).getText()).isEqualTo("Sessions");
    assertThat(robot.lookup("#dashboard").tryQuery()).isEmpty();
    assertThat(text(robot, "#status-server")).isEqualTo(server.baseUri().toString());
  }

  private static String text(FxRobot robot, String query) {
    return robot.lookup(query).queryAs(Label.class).getText();
  }

  private static void setUserAgentStylesheet(String stylesheet) throws Exception {
    WaitForAsyncUtils.asyncFx(() -> Application.setUserAgentStylesheet(stylesheet)).get();
  }
}
