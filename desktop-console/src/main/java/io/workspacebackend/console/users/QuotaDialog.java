package io.workspacebackend.console.users;

import io.workspacebackend.console.ui.Forms;
import io.workspacebackend.model.user.QuotaOverrides;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Edits one user's quota; an empty field means the server's default. */
final class QuotaDialog extends Dialog<QuotaOverrides> {
  QuotaDialog(Window owner, QuotaViewModel model) {
    initOwner(owner);
    setTitle("Quota of " + model.user().username());
    setHeaderText(
        "Quota of "
            + model.user().username()
            + ": checked when a session is created or started; live sessions keep running.");
    TextField sessions = field("quota-sessions", model.sessionsPrompt());
    sessions.textProperty().bindBidirectional(model.sessionsProperty());
    TextField memory = field("quota-memory", model.memoryPrompt());
    memory.textProperty().bindBidirectional(model.memoryProperty());
    TextField cpus = field("quota-cpus", model.cpusPrompt());
    cpus.textProperty().bindBidirectional(model.cpusProperty());
    Label problem = Forms.message("quota-problem");
    problem.textProperty().bind(model.problemProperty());
    problem.getStyleClass().add("form-error");

    GridPane grid = Forms.grid();
    Forms.row(grid, 0, "Live _sessions", sessions);
    Forms.row(grid, 1, "Total _memory", memory);
    Forms.row(grid, 2, "Total _CPUs", cpus);
    grid.add(problem, 0, 3, 2, 1);
    getDialogPane().setContent(grid);

    ButtonType save = new ButtonType("_Save", ButtonBar.ButtonData.OK_DONE);
    ButtonType defaults = new ButtonType("Use _defaults", ButtonBar.ButtonData.LEFT);
    getDialogPane().getButtonTypes().addAll(save, defaults, ButtonType.CANCEL);
    Button saveButton = (Button) getDialogPane().lookupButton(save);
    saveButton.setId("quota-save");
    saveButton.disableProperty().bind(model.validProperty().not());
    Button defaultsButton = (Button) getDialogPane().lookupButton(defaults);
    defaultsButton.setId("quota-defaults");
    // Empties the fields and keeps the dialog open, so the admin sees what Save will send.
    defaultsButton.addEventFilter(
        ActionEvent.ACTION,
        event -> {
          model.useDefaults();
          event.consume();
        });
    setResultConverter(button -> button == save ? model.result().orElse(null) : null);
    Platform.runLater(sessions::requestFocus);
  }

  private static TextField field(String id, String prompt) {
    TextField field = Forms.textField(id);
    field.setPromptText(prompt);
    return field;
  }
}
