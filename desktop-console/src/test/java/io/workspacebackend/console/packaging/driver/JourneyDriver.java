package io.workspacebackend.console.packaging.driver;

import io.workspacebackend.console.ConsoleMain;
import io.workspacebackend.console.terminal.TerminalView;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

/**
 * Main class of a copy of the app image (AppImageJourneyIT puts it there): starts the real console
 * exactly as the launcher would, then walks a user's first journey through its window, printing one
 * {@code STEP} line per step done, so the test can follow from outside the process. On a failure it
 * prints {@code FAILED} with the reason and ends the process with exit code 1.
 */
public final class JourneyDriver {
  public static final String ADMIN = "first-admin";
  public static final String PASSWORD = "correct horse battery";
  public static final String SESSION = "journey";

  private static final Duration SLOW = Duration.ofMinutes(3);
  private static final Duration QUICK = Duration.ofSeconds(60);

  private final ScreenUser user = new ScreenUser();

  private JourneyDriver() {}

  public static void main(String[] args) {
    Thread journey = new Thread(new JourneyDriver()::walk, "journey-driver");
    // The driver must not keep the process alive: quitting the console has to end it by itself.
    journey.setDaemon(true);
    journey.start();
    ConsoleMain.main(args);
    System.out.println("STEP the console's main returned");
  }

  private void walk() {
    try {
      user.awaitToolkit(SLOW);
      user.await("#start-local", SLOW);
      step("the start screen shows");

      user.click("#start-local");
      Labeled status =
          user.awaitText(
              "#local-status", text -> text.startsWith("The local server runs at "), SLOW);
      String text = user.onFx(status::getText);
      step("the local server runs: " + text.substring(text.indexOf("http"), text.length() - 1));

      user.click("#admin-username");
      user.type(ADMIN);
      user.click("#admin-password");
      user.type(PASSWORD);
      user.click("#admin-password-repeat");
      user.type(PASSWORD);
      user.press(KeyCode.ENTER);
      user.awaitText("#signed-in-user", (ADMIN + " (admin)")::equals, QUICK);
      step("the first admin is signed in");

      // An admin's window opens on the dashboard.
      showSessionsTab();
      user.click("#new-session");
      user.click("#session-name");
      user.type(SESSION);
      user.click("#create-session");
      user.await(".status-running", SLOW);
      step("the session runs");

      user.click(sessionCell());
      user.click("#open-terminal");
      TerminalView terminal = (TerminalView) user.await("TerminalView", QUICK);
      step("the terminal opened: " + user.onFx(terminal::getId));
      user.awaitValue("a shell prompt", QUICK, () -> seen(terminal.screenText().contains("$")));
      String marker = "ok-" + UUID.randomUUID().toString().substring(0, 8);
      user.click(terminal);
      user.type("echo " + marker);
      user.press(KeyCode.ENTER);
      user.awaitValue(
          "the echoed " + marker,
          QUICK,
          () -> seen(terminal.screenText().lines().anyMatch(line -> line.strip().equals(marker))));
      step("the terminal echoed " + marker);

      showSessionsTab();
      user.click(sessionCell());
      user.click("#stop-session");
      user.await(".status-stopped", SLOW);
      step("the session is stopped, its row kept");
      user.click(sessionCell());
      user.click("#start-session");
      user.await(".status-running", SLOW);
      step("the session runs again");

      user.click(sessionCell());
      user.click("#delete-session");
      user.click("#confirm");
      TableView<?> table = (TableView<?>) user.await("#sessions-table", QUICK);
      user.awaitValue("no session listed", QUICK, () -> seen(table.getItems().isEmpty()));
      step("the session is deleted");

      user.pressWithControl(KeyCode.Q);
      step("Ctrl+Q pressed");
    } catch (Exception | Error e) {
      System.out.println("FAILED " + e);
      e.printStackTrace(System.out);
      System.out.flush();
      Runtime.getRuntime().halt(1);
    }
  }

  /** The table cell that shows the session's name. */
  private Node sessionCell() throws InterruptedException {
    return user.awaitText(".table-cell", SESSION::equals, QUICK);
  }

  private void showSessionsTab() throws InterruptedException {
    TabPane tabs = (TabPane) user.await("#main-tabs", QUICK);
    Node header =
        user.awaitValue(
            "the Sessions tab",
            QUICK,
            () ->
                tabs.lookupAll(".tab-label").stream()
                    .filter(label -> label instanceof Labeled)
                    .filter(label -> "Sessions".equals(((Labeled) label).getText()))
                    .findFirst());
    user.click(header);
    user.awaitValue(
        "the Sessions tab selected",
        QUICK,
        () -> seen("Sessions".equals(tabs.getSelectionModel().getSelectedItem().getText())));
  }

  private static Optional<Boolean> seen(boolean condition) {
    return condition ? Optional.of(true) : Optional.empty();
  }

  private static void step(String what) {
    System.out.println("STEP " + what);
    System.out.flush();
  }
}
