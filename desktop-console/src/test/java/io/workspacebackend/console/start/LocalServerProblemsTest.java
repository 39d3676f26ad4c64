package io.workspacebackend.console.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import io.workspacebackend.console.ConsoleApp;
import io.workspacebackend.console.testing.ConsoleHome;
import io.workspacebackend.console.ui.LogView;
import io.workspacebackend.testing.SessionClient;
import io.workspacebackend.testing.SessionImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.prefs.BackingStoreException;
import javafx.application.Application;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * When the local server cannot start, the start screen says why in a sentence and how to fix it;
 * for a missing image, Build image is the fix.
 */
@Timeout(120)
class LocalServerProblemsTest extends FxRobot {
  private ConsoleHome home;
  private Application application;

  @AfterEach
  void closeConsole() throws TimeoutException, IOException, BackingStoreException {
    FxToolkit.cleanupApplication(application);
    FxToolkit.cleanupStages();
    home.close();
  }

  @Test
  void aMissingImageIsNamedAndBuildImageIsOffered() throws Exception {
    launch(Map.of("container.default_image", "no-such-image:1"));

    clickOn("#start-local");

    String status = awaitFailure();
    assertThat(status)
        .startsWith("The session image no-such-image:1 is missing on docker.")
        .endsWith("Click Build image to build it now.");
    assertThat(lookup("#build-image").query().isVisible()).isTrue();
    assertThat(lookup("#start-local").query().isDisabled()).isFalse();
  }

  @Test
  @Timeout(600)
  void buildImageBuildsTheMissingImageWithVisibleProgressAndStartsTheServer() throws Exception {
    String tag = "console-build-test:" + UUID.randomUUID().toString().substring(0, 8);
    SessionImage.ensureBuilt();
    launch(Map.of("container.default_image", tag));
    clickOn("#start-local");
    awaitFailure();

    try (DockerClient docker = SessionClient.docker()) {
      try {
        clickOn("#build-image");

        Label status = lookup("#local-status").queryAs(Label.class);
        await()
            .atMost(Duration.ofMinutes(8))
            .until(() -> status.getText().startsWith("The local server runs at"));
        String log = lookup("#local-log").queryAs(LogView.class).text();
        assertThat(log).contains("image: ").contains("built " + tag);
        assertThat(docker.inspectImageCmd(tag).exec().getId()).isNotBlank();
      } finally {
        docker.removeImageCmd(tag).withForce(false).exec();
      }
    }
  }

  @Test
  void aTakenPortIsNamedWithTheSettingToChange() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      launch(Map.of("server.port", String.valueOf(taken.getLocalPort())));

      clickOn("#start-local");

      assertThat(awaitFailure())
          .startsWith("Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
          .contains("set another server.port in ")
          .endsWith("config.toml.");
      assertThat(lookup("#build-image").query().isVisible()).isFalse();
    }
  }

  @Test
  void noRuntimeNamesTheSocketsTried() throws Exception {
    launch(Map.of("container.socket", "unix:///tmp/no-engine-here.sock"));

    clickOn("#start-local");

    assertThat(awaitFailure())
        .startsWith("No docker engine answers (tried unix:///tmp/no-engine-here.sock")
        .contains("start Docker or Podman");
  }

  private void launch(Map<String, String> overrides) throws Exception {
    home = ConsoleHome.create(overrides);
    FxToolkit.registerPrimaryStage();
    application = FxToolkit.setupApplication(() -> new ConsoleApp(home.environment()));
  }

  private String awaitFailure() {
    Label status = lookup("#local-status").queryAs(Label.class);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> status.getStyleClass().contains("form-error"));
    return status.getText();
  }
}
