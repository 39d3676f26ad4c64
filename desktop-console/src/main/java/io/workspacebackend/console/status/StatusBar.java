package io.workspacebackend.console.status;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The line at the bottom of the signed-in window: server, engine, and whether the server answers.
 */
public final class StatusBar {
  private final HBox root;

  public StatusBar(StatusBarViewModel model) {
    Label server = new Label(model.serverText());
    server.setId("status-server");
    Label engine = new Label();
    engine.setId("status-engine");
    engine.textProperty().bind(model.engineTextProperty());
    Label connection = new Label();
    connection.setId("status-connection");
    connection.textProperty().bind(model.connectionTextProperty());
    model.connectedProperty().addListener((observable, before, now) -> mark(connection, now));
    mark(connection, model.connectedProperty().get());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    root = new HBox(10, server, new Separator(Orientation.VERTICAL), engine, spacer, connection);
    root.setId("status-bar");
    root.getStyleClass().add("status-bar");
    root.setAlignment(Pos.CENTER_LEFT);
    root.setPadding(new Insets(3, 12, 3, 12));
  }

  public Node root() {
    return root;
  }

  private static void mark(Label connection, boolean connected) {
    connection.getStyleClass().removeAll("connection-ok", "connection-lost");
    connection.getStyleClass().add(connected ? "connection-ok" : "connection-lost");
  }
}
