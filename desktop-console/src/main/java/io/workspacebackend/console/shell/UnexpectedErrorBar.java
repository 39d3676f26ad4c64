package io.workspacebackend.console.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * The non-modal line at the window's foot that says something unexpected went wrong, with Dismiss;
 * hidden (and taking no room) until then.
 */
public final class UnexpectedErrorBar {
  private final HBox root;

  public UnexpectedErrorBar(UnexpectedErrors errors) {
    Label text = new Label(UnexpectedErrors.MESSAGE);
    text.setId("unexpected-error-message");
    text.setWrapText(true);
    Button dismiss = new Button("_Dismiss");
    dismiss.setId("unexpected-error-dismiss");
    dismiss.setOnAction(event -> errors.dismiss());
    root = new HBox(12, text, dismiss);
    root.setId("unexpected-error-bar");
    root.getStyleClass().add("unexpected-error-bar");
    root.setAlignment(Pos.CENTER_LEFT);
    root.setPadding(new Insets(6, 12, 6, 12));
    root.visibleProperty().bind(errors.shownProperty());
    root.managedProperty().bind(root.visibleProperty());
  }

  public Node root() {
    return root;
  }
}
