package io.workspacebackend.console.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Help ▸ About: which console this is, and the Java and JavaFX it runs on. */
final class AboutDialog {
  private AboutDialog() {}

  static void show(Window owner) {
    Alert alert = new Alert(Alert.AlertType.INFORMATION, details(), ButtonType.OK);
    alert.initOwner(owner);
    alert.setTitle("About Workspace Backend Console");
    alert.setHeaderText("Workspace Backend Console");
    alert.getDialogPane().setId("about");
    alert.show();
  }

  static String details() {
    return "Version "
        + version()
        + "\nJava "
        + System.getProperty("java.version")
        + ", JavaFX "
        + System.getProperty("javafx.runtime.version", "unknown");
  }

  /** From the jar's manifest; classes run from a checkout (exec:java, tests) have none. */
  private static String version() {
    String version = AboutDialog.class.getPackage().getImplementationVersion();
    return version == null ? "from a development build" : version;
  }
}
