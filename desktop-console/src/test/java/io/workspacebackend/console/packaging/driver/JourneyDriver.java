package io.workspacebackend.console.packaging.driver;

import io.workspacebackend.console.ConsoleMain;
import io.workspacebackend.console.terminal.TerminalView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Main class of a copy of the app image (AppImageJourneyIT puts it there): starts the real console
 * exactly as the launcher would, then walks a user's first journey through its window, printing one
 * {@code STEP} line per step done, so the test can follow from outside the process. On a failure it
 * prints {@code FAILED} with the reason and ends the process with exit code 1.
 *
 * <p>Two system properties add to the walk. {@code journey.screenshots} names a directory: each
 * view is saved there in both themes as it is reached ({@link WindowCaptures}), and Preferences and
 * About are opened on the way. {@code journey.settle} (seconds) is for bench/console.sh: on the
 * start screen, with the session running, and with its terminal open, the driver waits that long
 * and prints the process's resident memory as {@code STEP rss <where> <MiB>}.
 */
public final class JourneyDriver {
  public static final String ADMIN = "first-admin";
  public static final String PASSWORD = "correct horse battery";
  public static final String SESSION = "journey";

  private static final Duration SLOW = Duration.ofMinutes(3);
  private static final Duration QUICK = Duration.ofSeconds(60);

  private final ScreenUser user = new ScreenUser();
  private final Optional<WindowCaptures> captures =
      Optional.ofNullable(System.getProperty("journey.screenshots"))
          .map(directory -> new WindowCaptures(Path.of(directory), user));
  private final Optional<Duration> settle =
      Optional.ofNullable(System.getProperty("journey.settle"))
          .map(seconds -> Duration.ofSeconds(Long.parseLong(seconds)));

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
      measure("start-screen");
      capture("start-screen");

      user.click("#start-local");
      Labeled status =
          user.awaitText(
              "#local-status", text -> text.startsWith("The local server runs at "), SLOW);
      String text = user.onFx(status::getText);
      step("the local server runs: " + text.substring(text.indexOf("http"), text.length() - 1));
      user.await("#admin-username", QUICK);
      capture("first-admin");

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
      showTab("Sessions");
      user.click("#new-session");
      user.click("#session-name");
      user.type(SESSION);
      user.click("#create-session");
      user.await(".status-running", SLOW);
      step("the session runs");
      measure("session-running");
      if (captures.isPresent()) {
        captureEachAdminView();
      }

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
      measure("terminal-open");
      capture("terminal");

      showTab("Sessions");
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

  /**
   * With the session running: the sessions table, then the dashboard, invites, users and server log
   * tabs, each once its content has loaded, then Preferences and About; back on Sessions after.
   */
  private void captureEachAdminView() throws InterruptedException {
    capture("sessions");
    showTab("Dashboard");
    user.awaitText("#count-running", "1"::equals, QUICK);
    user.awaitText("#engine-title", text -> !text.startsWith("Asking"), QUICK);
    capture("dashboard");
    showTab("Invites");
    user.await("#invites-table", QUICK);
    capture("invites");
    showTab("Users");
    TableView<?> users = (TableView<?>) user.await("#users-table", QUICK);
    user.awaitValue("the first admin listed", QUICK, () -> seen(!users.getItems().isEmpty()));
    capture("users");
    showTab("Server log");
    user.await("#server-log", QUICK);
    capture("server-log");

    user.click("#menu-edit");
    user.click("#menu-item-preferences");
    captureDialog("#preferences", "preferences");
    // Clicked, not Escape or Enter: with no window manager the new window may not have the focus.
    user.click(user.awaitText(".button", "Close"::equals, QUICK));
    user.click("#menu-help");
    user.click("#menu-item-about");
    captureDialog("#about", "about");
    user.click(user.awaitText(".button", "OK"::equals, QUICK));
    user.awaitValue(
        "the dialogs closed",
        QUICK,
        () ->
            seen(
                Window.getWindows().stream()
                    .filter(Window::isShowing)
                    .noneMatch(
                        window -> window.getScene().getRoot().lookup(".dialog-pane") != null)));
    showTab("Sessions");
  }

  private void capture(String view) throws InterruptedException {
    if (captures.isPresent()) {
      Window main =
          user.onFx(
              () ->
                  Window.getWindows().stream()
                      .filter(window -> window instanceof Stage stage && stage.getOwner() == null)
                      .findFirst()
                      .orElseThrow());
      captures.get().bothThemes(main, view);
    }
  }

  private void captureDialog(String selector, String view) throws InterruptedException {
    Scene scene = user.await(selector, QUICK).getScene();
    captures.orElseThrow().bothThemes(user.onFx(scene::getWindow), view);
  }

  /** With {@code journey.settle}: waits that long, then prints this process's resident memory. */
  private void measure(String where) throws InterruptedException {
    if (settle.isPresent()) {
      Thread.sleep(settle.get().toMillis());
      step("rss " + where + " " + residentMebibytes());
    }
  }

  private static long residentMebibytes() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
              .filter(line -> line.startsWith("VmRSS:"))
              .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
              .findFirst()
              .orElseThrow()
          / 1024;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void showTab(String title) throws InterruptedException {
    TabPane tabs = (TabPane) user.await("#main-tabs", QUICK);
    Node header =
        user.awaitValue(
            "the " + title + " tab",
            QUICK,
            () ->
                tabs.lookupAll(".tab-label").stream()
                    .filter(label -> label instanceof Labeled)
                    .filter(label -> title.equals(((Labeled) label).getText()))
                    .findFirst());
    user.click(header);
    user.awaitValue(
        "the " + title + " tab selected",
        QUICK,
        () -> seen(title.equals(tabs.getSelectionModel().getSelectedItem().getText())));
  }

  private static Optional<Boolean> seen(boolean condition) {
    return condition ? Optional.of(true) : Optional.empty();
  }

  private static void step(String what) {
    System.out.println("STEP " + what);
    System.out.flush();
  }
}
