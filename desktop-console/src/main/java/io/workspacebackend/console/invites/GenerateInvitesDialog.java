package io.workspacebackend.console.invites;

import io.workspacebackend.console.ui.Forms;
import io.workspacebackend.model.invite.InviteRequest;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks how many invite codes to generate, and with which uses, expiry, role and note. */
final class GenerateInvitesDialog extends Dialog<InviteRequest> {
  private static final String NEVER = "never";

  GenerateInvitesDialog(Window owner) {
    initOwner(owner);
    setTitle("Generate invite codes");
    setHeaderText("Generate invite codes");
    Spinner<Integer> count = new Spinner<>(1, 100, 1);
    count.setId("invite-count");
    count.setEditable(true);
    Spinner<Integer> uses = new Spinner<>(1, 10_000, 1);
    uses.setId("invite-uses");
    uses.setEditable(true);
    ComboBox<String> expires = new ComboBox<>();
    expires.setId("invite-expires");
    expires.getItems().addAll("12h", "1d", "7d", "30d", NEVER);
    expires.setEditable(true);
    expires.setValue("7d");
    ChoiceBox<String> role = new ChoiceBox<>();
    role.setId("invite-role");
    role.getItems().addAll("user", "admin");
    role.setValue("user");
    TextField note = Forms.textField("invite-note");
    note.setPromptText("who it is for (optional)");

    GridPane grid = Forms.grid();
    Forms.row(grid, 0, "_Count", count);
    Forms.row(grid, 1, "_Uses per code", uses);
    Forms.row(grid, 2, "_Expires after", expires);
    Forms.row(grid, 3, "_Role", role);
    Forms.row(grid, 4, "_Note", note);
    getDialogPane().setContent(grid);
    ButtonType generate = new ButtonType("_Generate", ButtonBar.ButtonData.OK_DONE);
    getDialogPane().getButtonTypes().addAll(generate, ButtonType.CANCEL);
    getDialogPane().lookupButton(generate).setId("generate-confirm");
    setResultConverter(
        button -> {
          if (button != generate) {
            return null;
          }
          String expiry = expires.getEditor().getText().strip();
          return new InviteRequest(
              count.getValue(),
              uses.getValue(),
              expiry.isEmpty() || expiry.equals(NEVER) ? null : expiry,
              role.getValue(),
              note.getText().isBlank() ? null : note.getText().strip());
        });
    Platform.runLater(count::requestFocus);
  }
}
