package io.workspacebackend.console.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.base.NodeMatchers.isInvisible;
import static org.testfx.matcher.base.NodeMatchers.isVisible;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Exceptions nothing caught: one sentence in the window, the stack trace in the log. */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class UnexpectedErrorsTest {
  private static final Duration SHORT = Duration.ofSeconds(10);

  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private Thread.UncaughtExceptionHandler previousDefault;
  private Thread fxThread;

  @Start
  void start(Stage stage) {
    previousDefault = Thread.getDefaultUncaughtExceptionHandler();
    fxThread = Thread.currentThread();
    UnexpectedErrors errors = UnexpectedErrors.install();
    errors.dismiss();
    log.start();
    ((Logger) LoggerFactory.getLogger(UnexpectedErrors.class)).addAppender(log);

    Button broken = new Button("Broken");
    broken.setId("broken");
    broken.setOnAction(
        event -> {
          throw new IllegalStateException("a bug in a button");
        });
    BorderPane frame = new BorderPane(broken);
    frame.setBottom(new UnexpectedErrorBar(errors).root());
    stage.setScene(new Scene(frame, 600, 300));
    stage.show();
  }

  @AfterEach
  void restoreHandlers() {
    ((Logger) LoggerFactory.getLogger(UnexpectedErrors.class)).detachAppender(log);
    Thread.setDefaultUncaughtExceptionHandler(previousDefault);
    fxThread.setUncaughtExceptionHandler(null);
  }

  @Test
  void aBugOnTheFxThreadShowsOneSentenceAndLogsTheStackTrace(FxRobot robot) {
    verifyThat("#unexpected-error-bar", isInvisible());

    robot.clickOn("#broken").clickOn("#broken");

    await().atMost(SHORT).until(() -> log.list.size() == 2);
    WaitForAsyncUtils.waitForFxEvents();
    verifyThat("#unexpected-error-bar", isVisible());
    assertThat(robot.lookup("#unexpected-error-message").queryAll()).hasSize(1);
    assertThat(robot.lookup("#unexpected-error-message").queryAs(Label.class).getText())
        .isEqualTo(UnexpectedErrors.MESSAGE)
        .doesNotContain("IllegalStateException");
    assertThat(log.list.get(0).getThrowableProxy().getMessage()).isEqualTo("a bug in a button");
    assertThat(log.list.get(0).getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
  }

  @Test
  void aBugOnAnotherThreadShowsTheSameSentenceUntilDismissed(FxRobot robot)
      throws InterruptedException {
    Thread worker =
        new Thread(
            () -> {
              throw new IllegalArgumentException("a bug in the background");
            },
            "some-worker");
    worker.start();
    worker.join();

    await().atMost(SHORT).until(() -> log.list.size() == 1);
    WaitForAsyncUtils.waitForFxEvents();
    verifyThat("#unexpected-error-bar", isVisible());
    assertThat(log.list.get(0).getFormattedMessage()).contains("some-worker");

    robot.clickOn("#unexpected-error-dismiss");

    verifyThat("#unexpected-error-bar", isInvisible());
  }
}
