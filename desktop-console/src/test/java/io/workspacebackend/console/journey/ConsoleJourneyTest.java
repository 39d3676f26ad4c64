package io.workspacebackend.console.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.workspacebackend.client.ApiException;
import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.console.ConsoleApp;
import io.workspacebackend.console.terminal.TerminalView;
import io.workspacebackend.console.testing.ConsoleHome;
import io.workspacebackend.console.testing.Screenshots;
import io.workspacebackend.model.invite.Invite;
import io.workspacebackend.model.invite.InviteRequest;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.User;
import io.workspacebackend.testing.SessionImage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxRobotException;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A new admin's first hour, in a real window against a backend the console starts in-process, with
 * real session containers: first admin, a session that turns running by itself, its terminal,
 * invites and users. The steps build on each other, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(300)
class ConsoleJourneyTest extends FxRobot {
  private static final String ADMIN = "first-admin";
  private static final String PASSWORD = "correct horse battery";
  private static final Duration SLOW = Duration.ofMinutes(3);

  private ConsoleHome home;
  private Application application;
  private Stage stage;
  private URI server;
  private UUID sessionId;
  private boolean quit;

  @BeforeAll
  void launch() throws Exception {
    SessionImage.ensureBuilt();
    home = ConsoleHome.create(Map.of());
    stage = FxToolkit.registerPrimaryStage();
    application = FxToolkit.setupApplication(() -> new ConsoleApp(home.environment()));
  }

  @AfterAll
  void removeWhatTheJourneyLeft() throws Exception {
    try {
      if (sessionId != null && !quit) {
        WorkspaceClient admin = WorkspaceClient.forServer(server);
        admin.login(ADMIN, PASSWORD);
        admin.deleteSession(sessionId);
      }
    } finally {
      if (!quit) {
        FxToolkit.cleanupApplication(application);
      }
      FxToolkit.cleanupStages();
      home.close();
    }
  }

  @Test
  @Order(1)
  void theStartScreenOffersSignInAndALocalServer() {
    assertThat(lookup("#sign-in").tryQuery()).isPresent();
    assertThat(lookup("#start-local").tryQuery()).isPresent();
    Screenshots.save(stage, "start");
  }

  @Test
  @Order(2)
  void startingTheLocalServerOffersToCreateTheFirstAdmin() {
    clickOn("#start-local");

    Label localStatus = lookup("#local-status").queryAs(Label.class);
    await().atMost(SLOW).until(() -> localStatus.getText().startsWith("The local server runs"));
    String status = localStatus.getText();
    assertThat(status).startsWith("The local server runs at http://127.0.0.1:");
    server = URI.create(status.substring(status.indexOf("http"), status.length() - 1));
    assertThat(WorkspaceClient.forServer(server).health().status()).isEqualTo("ok");
    assertThat(lookup("#first-admin").query().isVisible()).isTrue();
    assertThat(lookup("#sign-in-form").query().isVisible()).isFalse();
  }

  @Test
  @Order(3)
  void theFirstAdminIsCreatedAndSignedIn() {
    clickOn("#admin-username").write(ADMIN);
    clickOn("#admin-password").write(PASSWORD);
    clickOn("#admin-password-repeat").write(PASSWORD).type(KeyCode.ENTER);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> lookup("#signed-in-user").tryQuery().isPresent());
    assertThat(lookup("#signed-in-user").queryAs(Label.class).getText())
        .isEqualTo(ADMIN + " (admin)");
  }

  @Test
  @Order(4)
  void signingOutReturnsToTheStartScreenWithTheServerFilledIn() {
    clickOn("#sign-out");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> lookup("#sign-in-form").tryQuery().isPresent());
    assertThat(lookup("#url").queryAs(TextField.class).getText()).isEqualTo(server.toString());
    clickOn("#username").write(ADMIN);
    clickOn("#password").write("wrong password").type(KeyCode.ENTER);
    Label message = lookup("#sign-in-message").queryAs(Label.class);
    await().atMost(Duration.ofSeconds(10)).until(() -> message.getText().contains("wrong"));
    assertThat(message.getText()).isEqualTo("The username or password is wrong.");

    doubleClickOn("#password").eraseText(20).write(PASSWORD).type(KeyCode.ENTER);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> lookup("#signed-in-user").tryQuery().isPresent());
  }

  @Test
  @Order(5)
  void aNewSessionTurnsRunningWithoutAnyRefresh() {
    WaitForAsyncUtils.waitForFxEvents();
    // An admin's window opens on the dashboard.
    selectTab("Sessions");
    clickOn("#new-session");
    clickOn("#session-name").write("journey");
    clickOn("#create-session");

    TableView<?> table = lookup("#sessions-table").queryAs(TableView.class);
    await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == 1);
    await().atMost(SLOW).until(() -> lookup(".status-running").tryQuery().isPresent());
    // Stats of running sessions refresh every few seconds: wait for the first reading.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> cellTexts().stream().anyMatch(text -> text.contains("iB / ")));

    WorkspaceClient admin = WorkspaceClient.forServer(server);
    admin.login(ADMIN, PASSWORD);
    List<Session> sessions = admin.sessions();
    assertThat(sessions)
        .singleElement()
        .extracting(Session::status)
        .isEqualTo(SessionStatus.RUNNING);
    sessionId = sessions.get(0).id();
    Screenshots.save(stage, "sessions");
  }

  @Test
  @Order(6)
  void theTerminalRunsWhatIsTyped() {
    clickOn("journey");
    clickOn("#open-terminal");
    TerminalView terminal = lookup("#terminal-" + sessionId).queryAs(TerminalView.class);
    await().atMost(Duration.ofSeconds(60)).until(() -> terminal.screenText().contains("$"));

    String marker = "ok-" + UUID.randomUUID().toString().substring(0, 8);
    clickOn(terminal).write("echo " + marker).type(KeyCode.ENTER);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> terminal.screenText().lines().anyMatch(line -> line.strip().equals(marker)));
    Screenshots.save(stage, "terminal");

    String wide = terminalSize(terminal);
    interact(() -> stage.setWidth(stage.getWidth() - 300));
    await().atMost(Duration.ofSeconds(30)).until(() -> !terminalSize(terminal).equals(wide));
    int columnsBefore = Integer.parseInt(wide.split(" ")[1]);
    int columnsAfter = Integer.parseInt(terminalSize(terminal).split(" ")[1]);
    assertThat(columnsAfter).as("columns after narrowing the window").isLessThan(columnsBefore);
    interact(() -> stage.setWidth(stage.getWidth() + 300));
  }

  @Test
  @Order(7)
  void anInviteIsGeneratedListedAndRevoked() {
    selectTab("Invites");
    clickOn("#generate-invites");
    clickOn("#invite-note").write("for the journey");
    clickOn("#generate-confirm");

    TableView<Invite> table = invitesTable();
    await().atMost(Duration.ofSeconds(10)).until(() -> noted(table) != null);
    assertThat(cellTexts()).contains("usable");
    Screenshots.save(stage, "invites");

    clickOn(noted(table).code());
    clickOn("#revoke-invite");
    clickOn("#confirm");

    await().atMost(Duration.ofSeconds(10)).until(() -> noted(table).revoked());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(cellTexts()).contains("revoked").doesNotContain("usable");
  }

  @Test
  @Order(8)
  void aUserIsDisabledAndCannotSignInAnyMore() {
    WorkspaceClient admin = WorkspaceClient.forServer(server);
    admin.login(ADMIN, PASSWORD);
    String code = admin.generateInvites(new InviteRequest(1, 1, null, "user", null)).get(0).code();
    WorkspaceClient.forServer(server).register(code, "colleague", PASSWORD);

    selectTab("Users");
    clickOn("#refresh-users");
    TableView<?> table = lookup("#users-table").queryAs(TableView.class);
    await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == 2);
    clickOn("colleague");
    clickOn("#toggle-disabled");
    clickOn("#confirm");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                admin.users().stream()
                    .filter(u -> u.username().equals("colleague"))
                    .allMatch(User::disabled));
    await().atMost(Duration.ofSeconds(10)).until(() -> cellTexts().contains("disabled"));
    try {
      WorkspaceClient.forServer(server).login("colleague", PASSWORD);
      throw new AssertionError("a disabled user signed in");
    } catch (ApiException e) {
      assertThat(e.status()).isEqualTo(401);
    }
  }

  @Test
  @Order(9)
  void aStoppedSessionKeepsItsRowAndStartsAgain() {
    selectTab("Sessions");
    TableView<?> table = lookup("#sessions-table").queryAs(TableView.class);
    interact(() -> table.getSelectionModel().select(0));
    assertThat(lookup("#start-session").queryButton().isDisabled())
        .as("a running session offers no start")
        .isTrue();
    clickOn("#stop-session");

    await().atMost(SLOW).until(() -> lookup(".status-stopped").tryQuery().isPresent());
    assertThat(table.getItems()).hasSize(1);
    assertThat(lookup("#stop-session").queryButton().isDisabled()).isTrue();
    selectTab("Terminal: journey");
    Label problem = lookup("#terminal-problem").queryAs(Label.class);
    await().atMost(Duration.ofSeconds(30)).until(() -> problem.getParent().isVisible());
    assertThat(problem.getText()).startsWith("The session was stopped.");
    assertThat(lookup("#terminal-reconnect").queryButton().isVisible())
        .as("reconnecting works once the session runs again")
        .isTrue();
    selectTab("Sessions");
    interact(() -> table.getSelectionModel().select(0));
    clickOn("#start-session");

    await().atMost(SLOW).until(() -> lookup(".status-running").tryQuery().isPresent());
    assertThat(table.getItems()).hasSize(1);
  }

  @Test
  @Order(10)
  void deletingTheSessionAfterConfirmationRemovesItsRow() {
    selectTab("Sessions");
    TableView<?> table = lookup("#sessions-table").queryAs(TableView.class);
    interact(() -> table.getSelectionModel().select(0));
    clickOn("#delete-session");
    clickOn("#confirm");

    await().atMost(Duration.ofSeconds(60)).until(() -> table.getItems().isEmpty());
    sessionId = null;
  }

  @Test
  @Order(11)
  void quittingStopsTheLocalServer() throws TimeoutException {
    quit = true;
    FxToolkit.cleanupApplication(application);
    WaitForAsyncUtils.waitForFxEvents();
    try {
      WorkspaceClient.forServer(server).health();
      throw new AssertionError("the local server still answers after quitting");
    } catch (io.workspacebackend.client.ServerUnreachableException expected) {
      assertThat(expected).hasMessageContaining(server.getHost());
    }
  }

  private void selectTab(String title) {
    TabPane tabs = lookup("#main-tabs").queryAs(TabPane.class);
    interact(
        () ->
            tabs.getTabs().stream()
                .filter(t -> t.getText().equals(title))
                .findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t)));
  }

  @SuppressWarnings("unchecked")
  private TableView<Invite> invitesTable() {
    return lookup("#invites-table").queryAs(TableView.class);
  }

  private static Invite noted(TableView<Invite> table) {
    return table.getItems().stream()
        .filter(invite -> "for the journey".equals(invite.note()))
        .findFirst()
        .orElse(null);
  }

  /** Asks the shell for its terminal size ("rows columns"), as ttyd last heard it. */
  private String terminalSize(TerminalView terminal) {
    String marker = "size-" + UUID.randomUUID().toString().substring(0, 6);
    clickOn(terminal).write("echo " + marker + " $(stty size)").type(KeyCode.ENTER);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> terminal.screenText().lines().anyMatch(line -> line.startsWith(marker + " ")));
    return terminal
        .screenText()
        .lines()
        .filter(line -> line.startsWith(marker + " "))
        .findFirst()
        .orElseThrow()
        .substring(marker.length() + 1)
        .strip();
  }

  /**
   * Clicks what {@code query} finds once it is on screen. TestFX looks nodes up and measures them
   * off the FX thread, so on a loaded machine a node can leave its scene between the two (a view
   * being replaced, a table's cells being rebuilt): the look-up is then made again rather than
   * failing the step. Both failures come before the mouse moves, so nothing is clicked twice.
   */
  @Override
  public FxRobot clickOn(String query, MouseButton... buttons) {
    await()
        .atMost(Duration.ofSeconds(20))
        .ignoreExceptionsMatching(
            e -> e instanceof FxRobotException || e instanceof NullPointerException)
        .until(
            () -> {
              ConsoleJourneyTest.super.clickOn(query, buttons);
              return true;
            });
    return this;
  }

  /** The texts the visible table cells show. */
  private List<String> cellTexts() {
    return lookup(".table-cell").queryAll().stream()
        .filter(cell -> cell instanceof Labeled)
        .map(cell -> ((Labeled) cell).getText())
        .filter(text -> text != null)
        .toList();
  }
}
