package io.workspacebackend.console.connection;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

/**
 * The one non-modal line that says the server is gone and when the console asks again, with Retry
 * now; it is hidden (and takes no room) while the server answers.
 */
public final class DisconnectedBanner implements AutoCloseable {
  private final HBox root;
  private final Timeline clock;

  public DisconnectedBanner(Reconnection reconnection) {
    Label text = new Label();
    text.setId("disconnected-message");
    text.textProperty().bind(reconnection.messageProperty());
    Button retry = new Button("Retry _now");
    retry.setId("retry-now");
    retry.setOnAction(event -> reconnection.retryNow());
    root = new HBox(12, text, retry);
    root.setId("disconnected-banner");
    root.getStyleClass().add("disconnected-banner");
    root.setAlignment(Pos.CENTER_LEFT);
    root.setPadding(new Insets(6, 12, 6, 12));
    root.visibleProperty().bind(reconnection.disconnectedProperty());
    root.managedProperty().bind(root.visibleProperty());
    clock = new Timeline(new KeyFrame(Duration.seconds(1), event -> reconnection.tick()));
    clock.setCycleCount(Timeline.INDEFINITE);
    clock.play();
  }

  public Node root() {
    return root;
  }

  @Override
  public void close() {
    clock.stop();
  }
}
