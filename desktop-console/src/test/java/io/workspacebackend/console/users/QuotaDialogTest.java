package io.workspacebackend.console.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.console.testing.Screenshots;
import io.workspacebackend.model.user.QuotaOverrides;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.model.user.User;
import io.workspacebackend.model.user.UserQuota;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The quota editor in a real window: typing, refusing bad values, defaults and saving. */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class QuotaDialogTest {
  private static final long GIB = 1L << 30;
  private static final User ANN =
      new User(
          UUID.randomUUID(),
          "ann",
          Role.USER,
          false,
          Instant.EPOCH,
          new UserQuota(2, 16 * GIB, null, new QuotaOverrides(2, null, null)));

  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    stage.setScene(new Scene(new StackPane(), 400, 300));
    stage.show();
  }

  @Test
  void anAdminTypesValuesSeesBadOnesRefusedAndSaves(FxRobot robot) {
    AtomicReference<QuotaDialog> dialog = new AtomicReference<>();
    AtomicReference<QuotaOverrides> saved = new AtomicReference<>();
    robot.interact(
        () -> {
          dialog.set(new QuotaDialog(stage, new QuotaViewModel(ANN)));
          dialog.get().setOnHidden(event -> saved.set(dialog.get().getResult()));
          dialog.get().show();
        });
    TextField sessions = robot.lookup("#quota-sessions").queryAs(TextField.class);
    assertThat(sessions.getText()).isEqualTo("2");
    assertThat(robot.lookup("#quota-memory").queryAs(TextField.class).getPromptText())
        .isEqualTo("default: 16 GiB");

    robot.clickOn("#quota-memory").write("4x");
    assertThat(robot.lookup("#quota-save").query().isDisabled()).isTrue();
    assertThat(robot.lookup("#quota-problem").queryAs(Label.class).getText())
        .startsWith("Memory must be");
    Screenshots.save(dialog.get().getDialogPane().getScene().getWindow(), "quota-dialog-invalid");

    robot.clickOn("#quota-defaults");
    assertThat(dialog.get().isShowing()).isTrue();
    assertThat(sessions.getText()).isEmpty();
    robot.clickOn("#quota-memory").write("8g");
    robot.clickOn("#quota-cpus").write("1.5");
    Node save = robot.lookup("#quota-save").query();
    assertThat(save.isDisabled()).isFalse();
    Screenshots.save(dialog.get().getDialogPane().getScene().getWindow(), "quota-dialog");
    robot.clickOn(save);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(dialog.get().isShowing()).isFalse();
    assertThat(saved.get()).isEqualTo(new QuotaOverrides(null, 8 * GIB, 1.5));
  }
}
