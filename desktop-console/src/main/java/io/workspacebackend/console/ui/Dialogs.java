package io.workspacebackend.console.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The console's few modal questions and error reports, in plain words. */
public final class Dialogs {
  private Dialogs() {}

  public static void showError(Window owner, String heading, Throwable failure) {
    Alert alert = new Alert(Alert.AlertType.ERROR, ErrorText.of(failure), ButtonType.OK);
    alert.initOwner(owner);
    alert.setTitle(heading);
    alert.setHeaderText(heading);
    alert.showAndWait();
  }

  /** Asks before something that cannot be undone; the safe answer is the default. */
  public static boolean confirm(Window owner, String heading, String consequence, String action) {
    ButtonType proceed = new ButtonType(action, ButtonType.OK.getButtonData());
    Alert alert = new Alert(Alert.AlertType.CONFIRMATION, consequence, proceed, ButtonType.CANCEL);
    alert.initOwner(owner);
    alert.setTitle(heading);
    alert.setHeaderText(heading);
    alert.getDialogPane().lookupButton(proceed).setId("confirm");
    return alert.showAndWait().filter(proceed::equals).isPresent();
  }
}
