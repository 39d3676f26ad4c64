package io.workspacebackend.console.sessions;

import io.workspacebackend.console.ui.Formats;
import io.workspacebackend.console.ui.Tables;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStats;
import io.workspacebackend.model.session.SessionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * The sessions table's columns. Each sorts by its value (times and numbers as such, not as text)
 * and shows it as text, and each is as wide as its widest text.
 */
final class SessionColumns {
  /** Room for a cell's padding, and in a header for the sort arrow. */
  private static final double CELL_PADDING = 24;

  private static final double HEADER_PADDING = 36;

  /** Rows measured at most: a long list is wide enough by then. */
  private static final int MEASURED_ROWS = 200;

  private final Map<TableColumn<SessionItem, ?>, Function<SessionItem, String>> texts =
      new LinkedHashMap<>();
  private final TableColumn<SessionItem, String> owner;
  private final TableColumn<SessionItem, Instant> created;

  SessionColumns(SessionsViewModel model) {
    add("Name", item -> item.session().name(), Objects::toString, String.CASE_INSENSITIVE_ORDER);
    owner =
        add(
            "Owner",
            item -> model.ownerName(item.session()),
            Objects::toString,
            String.CASE_INSENSITIVE_ORDER);
    TableColumn<SessionItem, SessionStatus> status = new TableColumn<>("Status");
    status.setCellValueFactory(
        cell ->
            Bindings.createObjectBinding(
                () -> cell.getValue().session().status(),
                cell.getValue().sessionProperty(),
                cell.getValue().progressProperty()));
    status.setCellFactory(column -> new StatusCell());
    texts.put(status, StatusCell::textOf);
    add("Image", item -> item.session().image(), Objects::toString, String.CASE_INSENSITIVE_ORDER);
    created =
        add(
            "Created",
            item -> item.session().createdAt(),
            Tables::localTime,
            Comparator.naturalOrder());
    created.setSortType(TableColumn.SortType.DESCENDING);
    // Follows the view-model's clock, so the cells change in place rather than being rebuilt.
    ObservableValue<Instant> now = model.clockProperty();
    add(
        "Uptime",
        item -> uptime(item, now.getValue()),
        Formats::duration,
        Comparator.<Duration>naturalOrder(),
        now);
    add(
        "CPU",
        item -> item.statsProperty().get().orElse(null),
        stats -> Formats.percent(stats.cpuPercent()),
        Comparator.comparingDouble(SessionStats::cpuPercent));
    add(
        "Memory",
        item -> item.statsProperty().get().orElse(null),
        stats ->
            Formats.bytes(stats.memoryBytes()) + " / " + Formats.bytes(stats.memoryLimitBytes()),
        Comparator.comparingLong(SessionStats::memoryBytes));
  }

  List<TableColumn<SessionItem, ?>> all() {
    return List.copyOf(texts.keySet());
  }

  /** Shown only while other users' sessions are. */
  TableColumn<SessionItem, String> owner() {
    return owner;
  }

  /** The default sort: newest first. */
  TableColumn<SessionItem, Instant> created() {
    return created;
  }

  /** Sizes each column to its header and the widest text of {@code rows}, in {@code font}. */
  void fitToContent(List<SessionItem> rows, Font font) {
    Text probe = new Text();
    probe.setFont(font);
    texts.forEach(
        (column, text) -> {
          double widest = width(probe, column.getText()) + HEADER_PADDING;
          for (SessionItem row : rows.subList(0, Math.min(rows.size(), MEASURED_ROWS))) {
            widest = Math.max(widest, width(probe, text.apply(row)) + CELL_PADDING);
          }
          column.setPrefWidth(Math.ceil(widest));
        });
  }

  private static double width(Text probe, String text) {
    probe.setText(text);
    return probe.getLayoutBounds().getWidth();
  }

  private static Duration uptime(SessionItem item, Instant now) {
    Session session = item.session();
    if (session.status() != SessionStatus.RUNNING || session.startedAt() == null) {
      return null;
    }
    Duration uptime = Duration.between(session.startedAt(), now);
    return uptime.isNegative() ? Duration.ZERO : uptime;
  }

  /**
   * A column of {@code value}, shown by {@code format} (an absent value shows nothing) and sorted
   * by {@code order} (absent values first). The value follows the row's session and stats, and
   * {@code also}.
   */
  private <T> TableColumn<SessionItem, T> add(
      String title,
      Function<SessionItem, T> value,
      Function<T, String> format,
      Comparator<T> order,
      Observable... also) {
    TableColumn<SessionItem, T> column = new TableColumn<>(title);
    column.setCellValueFactory(
        cell -> {
          SessionItem item = cell.getValue();
          Observable[] dependencies =
              Stream.concat(
                      Stream.of(item.sessionProperty(), item.statsProperty()), Stream.of(also))
                  .toArray(Observable[]::new);
          return Bindings.createObjectBinding(() -> value.apply(item), dependencies);
        });
    column.setCellFactory(
        c ->
            new TableCell<>() {
              @Override
              protected void updateItem(T shown, boolean empty) {
                super.updateItem(shown, empty);
                setText(empty || shown == null ? null : format.apply(shown));
              }
            });
    column.setComparator(Comparator.nullsFirst(order));
    texts.put(
        column,
        item -> {
          T shown = value.apply(item);
          return shown == null ? "" : format.apply(shown);
        });
    return column;
  }

  /** The status in its colour; a failed session's reason shows on hover. */
  private static final class StatusCell extends TableCell<SessionItem, SessionStatus> {
    static String textOf(SessionItem item) {
      SessionStatus status = item.session().status();
      String step =
          status.isStarting()
              ? item.progressProperty().get().map(done -> " · " + done.label()).orElse("")
              : "";
      return status.wireName() + step;
    }

    @Override
    protected void updateItem(SessionStatus status, boolean empty) {
      super.updateItem(status, empty);
      getStyleClass().removeIf(style -> style.startsWith("status-"));
      SessionItem item = getTableRow() == null ? null : getTableRow().getItem();
      if (empty || status == null || item == null) {
        setText(empty || status == null ? null : status.wireName());
        setTooltip(null);
        if (!empty && status != null) {
          getStyleClass().add("status-" + status.wireName());
        }
        return;
      }
      setText(textOf(item));
      getStyleClass().add("status-" + status.wireName());
      String reason =
          item.session().errorMessage() != null
              ? item.session().errorMessage()
              : item.session().stopReason();
      setTooltip(reason == null ? null : new Tooltip(reason));
    }
  }
}
