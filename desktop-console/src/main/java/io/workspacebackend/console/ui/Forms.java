package io.workspacebackend.console.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Small builders that keep the console's forms alike: labelled rows, inline messages. */
public final class Forms {
  private static final String ERROR = "form-error";
  private static final double FIELD_MIN_WIDTH = 160;

  private Forms() {}

  public static TextField textField(String id) {
    TextField field = new TextField();
    field.setId(id);
    return field;
  }

  public static PasswordField passwordField(String id) {
    PasswordField field = new PasswordField();
    field.setId(id);
    return field;
  }

  /** A label for inline feedback under a form; empty until something is said. */
  public static Label message(String id) {
    Label label = new Label();
    label.setId(id);
    label.setWrapText(true);
    return label;
  }

  /** A label for an inline problem, styled as one from the start; empty until there is one. */
  public static Label errorMessage(String id) {
    Label label = message(id);
    label.getStyleClass().add(ERROR);
    return label;
  }

  public static GridPane grid() {
    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(8);
    // Labels keep their whole text; fields take the rest but stay wide enough to type in.
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints fields = new ColumnConstraints();
    fields.setMinWidth(FIELD_MIN_WIDTH);
    fields.setHgrow(Priority.ALWAYS);
    grid.getColumnConstraints().addAll(labels, fields);
    return grid;
  }

  /** Adds a row whose label's mnemonic (the letter after {@code _}) focuses {@code field}. */
  public static void row(GridPane grid, int row, String label, Node field) {
    Label text = new Label(label);
    text.setMnemonicParsing(true);
    text.setLabelFor(field);
    text.setMinWidth(Region.USE_PREF_SIZE);
    grid.addRow(row, text, field);
  }

  public static void fail(Label message, String text) {
    message.setText(text);
    if (!message.getStyleClass().contains(ERROR)) {
      message.getStyleClass().add(ERROR);
    }
  }

  public static void inform(Label message, String text) {
    message.setText(text);
    message.getStyleClass().remove(ERROR);
  }
}
