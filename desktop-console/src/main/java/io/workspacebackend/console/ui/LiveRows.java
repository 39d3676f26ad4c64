package io.workspacebackend.console.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A table's rows and selected row kept current by listings and by live events: a changed row
 * replaces the one with its key (and stays selected if it was), a new one goes first or last. A
 * listing answers with what the server had when it was asked, so rows that changed while it was on
 * its way are put again on top of it; and one listing runs at a time, a request meanwhile making
 * one more follow it.
 *
 * @param <T> the row
 * @param <K> what identifies a row (a user's id, an invite's code)
 */
public final class LiveRows<T, K> {
  /** Where a row not seen before goes. */
  public enum NewRows {
    FIRST,
    LAST
  }

  private final ObservableList<T> rows = FXCollections.observableArrayList();
  private final ObservableList<T> readOnly = FXCollections.unmodifiableObservableList(rows);
  private final Function<T, K> key;
  private final NewRows newRows;
  private final List<T> changedWhileListing = new ArrayList<>();
  private final ReadOnlyBooleanWrapper listing = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyObjectWrapper<T> selected = new ReadOnlyObjectWrapper<>();
  private boolean listAgain;

  public LiveRows(Function<T, K> key, NewRows newRows) {
    this.key = key;
    this.newRows = newRows;
  }

  public ObservableList<T> rows() {
    return readOnly;
  }

  /** The selected row as it is now; {@code null} when none is. */
  public ReadOnlyObjectProperty<T> selectedProperty() {
    return selected.getReadOnlyProperty();
  }

  /** The table's selection changed ({@code null}: nothing selected). */
  public void select(T row) {
    selected.set(row);
  }

  /** Whether a listing is on its way. */
  public ReadOnlyBooleanProperty listingProperty() {
    return listing.getReadOnlyProperty();
  }

  /**
   * Whether the caller should ask the server for a listing now: no if one is on its way already
   * (then another follows it, see {@link #listed}).
   */
  public boolean startListing() {
    if (listing.get()) {
      listAgain = true;
      return false;
    }
    listing.set(true);
    changedWhileListing.clear();
    return true;
  }

  /**
   * The listing's answer replaces every row, then rows changed meanwhile are put again. Returns
   * whether another listing was asked for meanwhile (the caller starts it).
   */
  public boolean listed(List<T> listedRows) {
    keepingSelection(
        () -> {
          rows.setAll(listedRows);
          changedWhileListing.forEach(this::replaceOrAdd);
        });
    return endListing();
  }

  /** The listing failed: the rows stay as they are, and no other listing follows. */
  public void listingFailed() {
    listing.set(false);
    changedWhileListing.clear();
    listAgain = false;
  }

  /** A row as it is now, from an event or an action's answer. */
  public void put(T row) {
    if (listing.get()) {
      changedWhileListing.add(row);
    }
    keepingSelection(() -> replaceOrAdd(row));
  }

  /** The row with this key, if there is one. */
  public Optional<T> find(K rowKey) {
    return rows.stream().filter(row -> Objects.equals(key.apply(row), rowKey)).findFirst();
  }

  private boolean endListing() {
    listing.set(false);
    changedWhileListing.clear();
    boolean again = listAgain;
    listAgain = false;
    return again;
  }

  /**
   * Runs {@code change} and selects again the row that was selected, as it is now. A table may drop
   * its selection while its rows are replaced, and say so through {@link #select}.
   */
  private void keepingSelection(Runnable change) {
    T before = selected.get();
    change.run();
    selected.set(before == null ? null : find(key.apply(before)).orElse(null));
  }

  private void replaceOrAdd(T row) {
    K rowKey = key.apply(row);
    for (int i = 0; i < rows.size(); i++) {
      if (Objects.equals(key.apply(rows.get(i)), rowKey)) {
        rows.set(i, row);
        return;
      }
    }
    if (newRows == NewRows.FIRST) {
      rows.add(0, row);
    } else {
      rows.add(row);
    }
  }
}
