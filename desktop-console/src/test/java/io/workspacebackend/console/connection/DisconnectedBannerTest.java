package io.workspacebackend.console.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The banner in a real window: hidden while connected, counting down, Retry now, gone on answer.
 */
@ExtendWith(ApplicationExtension.class)
class DisconnectedBannerTest {
  private final List<Consumer<Boolean>> questions = new CopyOnWriteArrayList<>();
  private Reconnection reconnection;
  private DisconnectedBanner banner;

  @Start
  void start(Stage stage) {
    reconnection = new Reconnection(questions::add);
    banner = new DisconnectedBanner(reconnection);
    stage.setScene(new Scene(new StackPane(banner.root()), 400, 80));
    stage.show();
  }

  @AfterEach
  void stopTheClock() {
    banner.close();
  }

  @Test
  void theBannerCountsDownRetriesNowAndGoesWhenTheServerAnswers(FxRobot robot) throws Exception {
    Node root = robot.lookup("#disconnected-banner").query();
    Label message = robot.lookup("#disconnected-message").queryAs(Label.class);
    assertThat(root.isVisible()).isFalse();

    WaitForAsyncUtils.asyncFx(reconnection::lost).get();
    assertThat(root.isVisible()).isTrue();
    assertThat(message.getText()).isEqualTo("Disconnected — retrying in 1s");

    // The clock asks after a second; that question goes unanswered, so the wait doubles.
    await().atMost(Duration.ofSeconds(10)).until(() -> questions.size() == 1);
    WaitForAsyncUtils.asyncFx(() -> questions.remove(0).accept(false)).get();
    assertThat(message.getText()).isEqualTo("Disconnected — retrying in 2s");

    robot.clickOn("#retry-now");
    await().atMost(Duration.ofSeconds(10)).until(() -> questions.size() == 1);
    assertThat(message.getText()).isEqualTo("Disconnected — retrying now…");
    WaitForAsyncUtils.asyncFx(() -> questions.remove(0).accept(true)).get();

    assertThat(root.isVisible()).isFalse();
    assertThat(root.isManaged()).isFalse();
  }
}
