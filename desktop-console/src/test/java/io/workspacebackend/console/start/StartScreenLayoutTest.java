package io.workspacebackend.console.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.workspacebackend.console.ConsoleApp;
import io.workspacebackend.console.testing.ConsoleHome;
import io.workspacebackend.console.testing.Screenshots;
import io.workspacebackend.console.ui.LogView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The start screen as the console opens it, at half a laptop screen's width and at its default. */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class StartScreenLayoutTest {
  private ConsoleHome home;
  private ConsoleApp app;
  private Stage stage;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    home = ConsoleHome.create(Map.of());
    stage.setScene(null);
    app = new ConsoleApp(home.environment());
    app.start(stage);
  }

  @AfterEach
  void closeTheWindow() throws Exception {
    WaitForAsyncUtils.asyncFx(app::stop).get();
    home.close();
  }

  @Test
  void atHalfALaptopScreenNoTextOfTheSignInScreenIsCutOff(FxRobot robot) {
    resize(robot, 690, 720);

    assertThat(truncated(stage.getScene().getRoot())).isEmpty();
    Screenshots.save(stage, "start-screen-690");
  }

  @Test
  void atTheDefaultWidthNoTextOfTheSignInScreenIsCutOff(FxRobot robot) {
    resize(robot, 1100, 720);

    assertThat(truncated(stage.getScene().getRoot())).isEmpty();
    Screenshots.save(stage, "start-screen-1100");
  }

  @Test
  void atHalfALaptopScreenNoTextOfTheFirstAdminFormIsCutOff(FxRobot robot) {
    robot.interact(
        () -> {
          robot.lookup("#sign-in-form").query().setVisible(false);
          robot.lookup("#first-admin").query().setVisible(true);
        });
    resize(robot, 690, 720);

    assertThat(truncated(stage.getScene().getRoot())).isEmpty();
    Screenshots.save(stage, "first-admin-690");
  }

  @Test
  void theStartScreenLogShowsNoTimingLineOfTheConsoleItself(FxRobot robot) {
    // The timing line is logged in a runLater after the window showed: let it run first.
    WaitForAsyncUtils.waitForFxEvents();
    LogView log = robot.lookup("#local-log").queryAs(LogView.class);

    assertThat(log.text()).doesNotContain("start screen shown");
  }

  private void resize(FxRobot robot, double width, double height) {
    robot.interact(
        () -> {
          stage.setWidth(width);
          stage.setHeight(height);
        });
    await().atMost(Duration.ofSeconds(10)).until(() -> stage.getScene().getWidth() == width);
    WaitForAsyncUtils.waitForFxEvents();
  }

  /**
   * Every shown Labeled whose skin draws less than its text (an ellipsis instead of the end), as
   * "text → shown". Log lines are left out: a log pane's rows are as long as the lines are.
   */
  private static List<String> truncated(Parent root) {
    List<String> found = new ArrayList<>();
    WaitForAsyncUtils.waitForFxEvents();
    collect(root, found);
    return found;
  }

  private static void collect(Node node, List<String> found) {
    if (!node.isVisible() || node instanceof IndexedCell<?>) {
      return;
    }
    if (node instanceof Labeled labeled && labeled.getText() != null) {
      String text =
          labeled.isMnemonicParsing()
              ? labeled.getText().replaceFirst("_(?=.)", "")
              : labeled.getText();
      labeled.lookupAll(".text").stream()
          .filter(Text.class::isInstance)
          .map(shown -> ((Text) shown).getText())
          .filter(shown -> !shown.equals(text))
          .forEach(shown -> found.add(text + " → " + shown));
    }
    if (node instanceof Parent parent) {
      parent.getChildrenUnmodifiable().forEach(child -> collect(child, found));
    }
  }
}
