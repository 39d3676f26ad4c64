package io.workspacebackend.console.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Columns of read-only rows, and the one way tables write times. */
public final class Tables {
  private static final DateTimeFormatter LOCAL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private Tables() {}

  public static <T> TableColumn<T, String> column(String title, Function<T, String> value) {
    TableColumn<T, String> column = new TableColumn<>(title);
    column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    return column;
  }

  /** A time in the user's zone, to the minute; empty when unknown. */
  public static String localTime(Instant instant) {
    return instant == null ? "" : LOCAL_TIME.format(instant.atZone(ZoneId.systemDefault()));
  }

  /**
   * Keeps {@code table}'s selection and a view-model's {@code selected} in step both ways: a click
   * calls {@code select}, and a row the model replaced or cleared is selected or cleared in the
   * table.
   */
  public static <T> void bindSelection(
      TableView<T> table, ObservableValue<T> selected, Consumer<T> select) {
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, old, now) -> select.accept(now));
    selected.addListener(
        (o, old, now) -> {
          if (now == null) {
            table.getSelectionModel().clearSelection();
          } else if (!Objects.equals(now, table.getSelectionModel().getSelectedItem())) {
            table.getSelectionModel().select(now);
          }
        });
  }
}
