package io.workspacebackend.console.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

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
}
