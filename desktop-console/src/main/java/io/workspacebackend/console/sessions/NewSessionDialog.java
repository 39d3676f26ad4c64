package io.workspacebackend.console.sessions;

import io.workspacebackend.console.ui.Forms;
import io.workspacebackend.model.session.CreateSessionRequest;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks for a new session's name and image; both may stay empty for the server's defaults. */
final class NewSessionDialog extends Dialog<CreateSessionRequest> {

  NewSessionDialog(Window owner) {
    initOwner(owner);
    setTitle("New session");
    setHeaderText("Start a new session");
    TextField name = Forms.textField("session-name");
    name.setPromptText("e.g. refactoring (optional)");
    TextField image = Forms.textField("session-image");
    image.setPromptText("the server's default image");
    GridPane grid = Forms.grid();
    Forms.row(grid, 0, "_Name", name);
    Forms.row(grid, 1, "_Image", image);
    getDialogPane().setContent(grid);
    ButtonType create = new ButtonType("_Create", ButtonBar.ButtonData.OK_DONE);
    getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
    getDialogPane().lookupButton(create).setId("create-session");
    setResultConverter(
        button ->
            button == create
                ? new CreateSessionRequest(blankToNull(name), blankToNull(image), null, Map.of())
                : null);
    Platform.runLater(name::requestFocus);
  }

  private static String blankToNull(TextField field) {
    String text = field.getText().strip();
    return text.isEmpty() ? null : text;
  }
}
