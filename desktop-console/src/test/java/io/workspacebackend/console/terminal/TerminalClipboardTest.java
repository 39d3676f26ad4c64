package io.workspacebackend.console.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.workspacebackend.console.platform.DesktopOs;
import io.workspacebackend.console.shell.ConsoleMenus;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Copy and paste in a terminal tab with Linux's keys, in a real window under the console's menu
 * bar. No server is needed: what the terminal would send to the shell is recorded in the page.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class TerminalClipboardTest {
  private static final Duration SHORT = Duration.ofSeconds(10);
  private static final String SHOWN = "copy me please";

  @Start
  void start(Stage stage) {
    TerminalView terminal = new TerminalView(URI.create("ws://127.0.0.1:9/none"), () -> "token");
    terminal.setId("terminal");
    BorderPane root = new BorderPane(terminal);
    Scene scene = new Scene(root, 800, 400);
    root.setTop(new ConsoleMenus(DesktopOs.current(), stage, scene, () -> {}).menuBar());
    stage.setScene(scene);
    stage.show();
  }

  @BeforeEach
  void showSelectedText(FxRobot robot) {
    // Until the page has loaded, `term` does not exist and the script throws.
    await()
        .atMost(SHORT)
        .ignoreExceptions()
        .until(() -> Boolean.TRUE.equals(script(robot, "term !== undefined")));
    robot.clickOn("#terminal");
    script(robot, "window.sent = ''; term.onData(function (data) { window.sent += data; })");
    script(robot, "term.write('" + SHOWN + "')");
    await()
        .atMost(SHORT)
        .until(
            () -> String.valueOf(script(robot, "term.selectAll(), term.getSelection()")).strip(),
            SHOWN::equals);
    putOnClipboard("nothing copied yet");
  }

  @Test
  void ctrlShiftCCopiesTheSelectionAndSendsNothingToTheShell(FxRobot robot) {
    robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C);

    await().atMost(SHORT).until(() -> clipboardText().strip(), SHOWN::equals);
    assertThat(sent(robot)).isEmpty();
  }

  /** What a user does: drag across the text, then press the keys. */
  @Test
  void ctrlShiftCCopiesTextSelectedWithTheMouse(FxRobot robot) {
    script(robot, "term.clearSelection()");
    double cell =
        ((Number) script(robot, "term._core._renderService.dimensions.actualCellWidth"))
            .doubleValue();
    double row =
        ((Number) script(robot, "term._core._renderService.dimensions.actualCellHeight"))
            .doubleValue();
    WebView web = robot.lookup("#terminal .web-view").queryAs(WebView.class);
    // The page puts the terminal 6 px from the left and 4 px from the top.
    javafx.geometry.Point2D first = web.localToScreen(6 + cell / 2, 4 + row / 2);
    robot.drag(first).dropTo(first.add(cell * SHOWN.length(), 0));
    await()
        .atMost(SHORT)
        .until(() -> String.valueOf(script(robot, "term.getSelection()")), SHOWN::equals);

    robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C);

    await().atMost(SHORT).until(() -> clipboardText().strip(), SHOWN::equals);
  }

  @Test
  void ctrlCStillInterruptsTheShellAndLeavesTheClipboardAlone(FxRobot robot) {
    robot.push(KeyCode.CONTROL, KeyCode.C);

    await().atMost(SHORT).until(() -> sent(robot), "\u0003"::equals);
    assertThat(clipboardText()).isEqualTo("nothing copied yet");
  }

  @Test
  void ctrlShiftVPastesTheClipboardIntoTheShell(FxRobot robot) {
    putOnClipboard("echo pasted");

    robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.V);

    await().atMost(SHORT).until(() -> sent(robot), "echo pasted"::equals);
  }

  /** The way Cmd+C arrives on a Mac, where the system menu takes the key first. */
  @Test
  void editCopyInTheMenuCopiesTheTerminalsSelection(FxRobot robot) {
    robot.clickOn("#menu-edit").clickOn("#menu-item-copy");

    await().atMost(SHORT).until(() -> clipboardText().strip(), SHOWN::equals);
    assertThat(sent(robot)).isEmpty();
  }

  private static String sent(FxRobot robot) {
    return String.valueOf(script(robot, "window.sent"));
  }

  private static Object script(FxRobot robot, String javaScript) {
    WebView web = robot.lookup("#terminal .web-view").queryAs(WebView.class);
    return onFxThread(() -> web.getEngine().executeScript(javaScript));
  }

  private static String clipboardText() {
    return String.valueOf(onFxThread(() -> Clipboard.getSystemClipboard().getString()));
  }

  private static void putOnClipboard(String text) {
    onFxThread(
        () -> {
          ClipboardContent content = new ClipboardContent();
          content.putString(text);
          return Clipboard.getSystemClipboard().setContent(content);
        });
  }

  private static <T> T onFxThread(Callable<T> work) {
    try {
      return WaitForAsyncUtils.asyncFx(work).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
