package io.workspacebackend.console.shell;

import io.workspacebackend.console.theme.LiveTheme;
import io.workspacebackend.console.theme.ThemeChoice;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Preferences: the theme (Follow system, Light, Dark). A choice applies at once, so the user sees
 * it before closing, and is remembered for the next start.
 */
final class PreferencesDialog {
  private PreferencesDialog() {}

  static void show(Window owner, LiveTheme theme) {
    ToggleGroup group = new ToggleGroup();
    VBox choices = new VBox(8);
    for (ThemeChoice choice : ThemeChoice.values()) {
      RadioButton button = new RadioButton(choice.label());
      button.setId("theme-" + choice.name().toLowerCase(Locale.ROOT));
      button.setUserData(choice);
      button.setToggleGroup(group);
      button.setSelected(choice == theme.choice());
      choices.getChildren().add(button);
    }
    group
        .selectedToggleProperty()
        .addListener(
            (observable, before, now) -> {
              if (now != null) {
                theme.choose((ThemeChoice) now.getUserData());
              }
            });
    Label heading = new Label("Theme");
    heading.getStyleClass().add("section-title");
    Label hint = new Label("Follow system switches along when the desktop turns light or dark.");
    hint.getStyleClass().add("hint");
    VBox content = new VBox(10, heading, choices, hint);
    content.setPadding(new Insets(8, 4, 8, 4));
    content.setPrefWidth(320);

    Dialog<ButtonType> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setTitle("Preferences");
    dialog.getDialogPane().setId("preferences");
    dialog.getDialogPane().setContent(content);
    dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    dialog.show();
  }
}
