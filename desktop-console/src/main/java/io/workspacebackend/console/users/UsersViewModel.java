package io.workspacebackend.console.users;

import io.workspacebackend.client.ApiException;
import io.workspacebackend.console.ui.LiveRows;
import io.workspacebackend.console.ui.Worker;
import io.workspacebackend.model.user.QuotaOverrides;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.model.user.User;
import io.workspacebackend.model.user.UserChange;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

/**
 * The Users tab: every user (oldest first, kept current by listings and live events), the selected
 * one and which actions it offers (enable or disable, promote or demote, quota), and the server's
 * word when it refuses a change (the last enabled admin). Calls go through a {@link Worker};
 * failures other than a refusal go to {@code failed} (a dialog, or the window's banner).
 */
final class UsersViewModel {
  private final UsersApi api;
  private final Worker worker;
  private final BiConsumer<String, Throwable> failed;
  private final LiveRows<User, UUID> users = new LiveRows<>(User::id, LiveRows.NewRows.LAST);
  private final ReadOnlyBooleanWrapper changing = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper actionsDisabled = new ReadOnlyBooleanWrapper(true);
  private final ReadOnlyStringWrapper accessAction = new ReadOnlyStringWrapper();
  private final ReadOnlyStringWrapper roleAction = new ReadOnlyStringWrapper();
  private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper("");

  UsersViewModel(UsersApi api, Worker worker, BiConsumer<String, Throwable> failed) {
    this.api = api;
    this.worker = worker;
    this.failed = failed;
    var selected = users.selectedProperty();
    accessAction.bind(
        Bindings.createStringBinding(
            () -> selected.get() != null && selected.get().disabled() ? "_Enable" : "_Disable",
            selected));
    roleAction.bind(
        Bindings.createStringBinding(
            () ->
                selected.get() != null && selected.get().role() == Role.ADMIN
                    ? "De_mote to user"
                    : "_Promote to admin",
            selected));
    // One change at a time: a second click would act on the row as it was before the first.
    actionsDisabled.bind(selected.isNull().or(changing));
    selected.addListener((property, before, now) -> forgetRefusalUnlessSameUser(before, now));
  }

  ObservableList<User> rows() {
    return users.rows();
  }

  ReadOnlyObjectProperty<User> selectedProperty() {
    return users.selectedProperty();
  }

  /** The table's selection changed. */
  void select(User user) {
    users.select(user);
  }

  ReadOnlyBooleanProperty loadingProperty() {
    return users.listingProperty();
  }

  /**
   * Whether the selected user's actions are unavailable (none selected, or a change on its way).
   */
  ReadOnlyBooleanProperty actionsDisabledProperty() {
    return actionsDisabled.getReadOnlyProperty();
  }

  /** "Enable" for a disabled user, else "Disable" (with its mnemonic). */
  ReadOnlyStringProperty accessActionProperty() {
    return accessAction.getReadOnlyProperty();
  }

  /** "Demote to user" for an admin, else "Promote to admin" (with its mnemonic). */
  ReadOnlyStringProperty roleActionProperty() {
    return roleAction.getReadOnlyProperty();
  }

  /** Why the server refused the last change (409), in its words; empty otherwise. */
  ReadOnlyStringProperty refusalProperty() {
    return refusal.getReadOnlyProperty();
  }

  /** Lists the users anew (one listing at a time). */
  void refresh() {
    if (!users.startListing()) {
      return;
    }
    worker.run(
        api::users,
        listed -> {
          if (users.listed(listed)) {
            refresh();
          }
        },
        failure -> {
          users.listingFailed();
          failed.accept("Could not load the users", failure);
        });
  }

  /** A user as the server announced it: a new row, or the row with its id replaced. */
  void apply(User user) {
    users.put(user);
  }

  /** Whether the access action would disable the selected user (the view asks first). */
  boolean accessActionDisables() {
    User user = users.selectedProperty().get();
    return user != null && !user.disabled();
  }

  void toggleAccess() {
    selected()
        .ifPresent(
            user ->
                change(
                    () -> api.change(user.id(), new UserChange(null, !user.disabled())),
                    "Could not change " + user.username()));
  }

  void toggleRole() {
    selected()
        .ifPresent(
            user -> {
              Role next = user.role() == Role.ADMIN ? Role.USER : Role.ADMIN;
              change(
                  () -> api.change(user.id(), new UserChange(next.wireName(), null)),
                  "Could not change " + user.username());
            });
  }

  /** The quota editor of the selected user. */
  Optional<QuotaViewModel> quotaEditor() {
    return selected().map(QuotaViewModel::new);
  }

  void saveQuota(User user, QuotaOverrides quota) {
    change(() -> api.setQuota(user.id(), quota), "Could not set the quota of " + user.username());
  }

  private Optional<User> selected() {
    return Optional.ofNullable(users.selectedProperty().get());
  }

  private void change(Callable<User> request, String failureHeading) {
    refusal.set("");
    changing.set(true);
    worker.run(
        request,
        changed -> {
          changing.set(false);
          users.put(changed);
        },
        failure -> {
          changing.set(false);
          if (failure instanceof ApiException api && api.status() == 409) {
            // The server's rule (the last enabled admin stays), in its words, shown in one place.
            refusal.set(api.userMessage());
          } else {
            failed.accept(failureHeading, failure);
          }
        });
  }

  private void forgetRefusalUnlessSameUser(User before, User now) {
    boolean sameUser = before != null && now != null && before.id().equals(now.id());
    if (!sameUser) {
      refusal.set("");
    }
  }
}
