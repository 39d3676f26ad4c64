package io.workspacebackend.console.users;

import io.workspacebackend.console.ui.Background;
import io.workspacebackend.console.ui.Dialogs;
import io.workspacebackend.console.ui.Tables;
import io.workspacebackend.console.ui.Workbench;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.model.user.User;
import io.workspacebackend.model.user.UserChange;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;

/** Users (admins): list, disable or enable, promote or demote, and set each one's quota. */
public final class UsersView {
  private final Workbench workbench;
  private final ObservableList<User> users = FXCollections.observableArrayList();
  private final TableView<User> table = new TableView<>(users);
  private final BorderPane root = new BorderPane();

  public UsersView(Workbench workbench) {
    this.workbench = workbench;
    table.setId("users-table");
    table.setPlaceholder(new Label("No users."));
    table.getColumns().addAll(columns());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    root.setTop(toolbar());
    BorderPane.setMargin(table, new Insets(0, 8, 8, 8));
    root.setCenter(table);
    workbench.whenReconnected(this::reload);
    reload();
  }

  public Parent root() {
    return root;
  }

  private ToolBar toolbar() {
    var selection = table.getSelectionModel().selectedItemProperty();
    Button access = new Button();
    access.setId("toggle-disabled");
    access
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    selection.get() != null && selection.get().disabled() ? "_Enable" : "_Disable",
                selection));
    access.setOnAction(event -> selected().ifPresent(this::toggleDisabled));
    Button role = new Button();
    role.setId("toggle-role");
    role.textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    selection.get() != null && selection.get().role() == Role.ADMIN
                        ? "De_mote to user"
                        : "_Promote to admin",
                selection));
    role.setOnAction(event -> selected().ifPresent(this::toggleRole));
    Button quota = new Button("_Quota…");
    quota.setId("edit-quota");
    quota.setOnAction(event -> selected().ifPresent(this::editQuota));
    Button refresh = new Button("Re_fresh");
    refresh.setId("refresh-users");
    refresh.setOnAction(event -> reload());
    access.disableProperty().bind(selection.isNull());
    role.disableProperty().bind(selection.isNull());
    quota.disableProperty().bind(selection.isNull());
    return new ToolBar(access, role, quota, refresh);
  }

  private List<TableColumn<User, ?>> columns() {
    return List.of(
        Tables.column("Username", User::username),
        Tables.column("Role", user -> user.role().wireName()),
        Tables.column("State", user -> user.disabled() ? "disabled" : "enabled"),
        Tables.column("Sessions", user -> QuotaViewModel.sessionsCell(user.quota())),
        Tables.column("Memory", user -> QuotaViewModel.memoryCell(user.quota())),
        Tables.column("CPUs", user -> QuotaViewModel.cpusCell(user.quota())),
        Tables.column("Created", user -> Tables.localTime(user.createdAt())));
  }

  private Optional<User> selected() {
    return Optional.ofNullable(table.getSelectionModel().getSelectedItem());
  }

  private void reload() {
    Background.run(
        () -> workbench.client().users(),
        users::setAll,
        failure -> workbench.failed("Could not load the users", failure));
  }

  private void toggleDisabled(User user) {
    if (!user.disabled()
        && !Dialogs.confirm(
            workbench.window(),
            "Disable " + user.username() + "?",
            "Their sign-ins stop working at once. Their sessions keep running.",
            "_Disable")) {
      return;
    }
    change(user, new UserChange(null, !user.disabled()));
  }

  private void toggleRole(User user) {
    Role next = user.role() == Role.ADMIN ? Role.USER : Role.ADMIN;
    change(user, new UserChange(next.wireName(), null));
  }

  private void editQuota(User user) {
    new QuotaDialog(workbench.window(), new QuotaViewModel(user))
        .showAndWait()
        .ifPresent(
            quota ->
                replace(
                    user,
                    () -> workbench.client().setQuota(user.id(), quota),
                    "Could not set the quota of " + user.username()));
  }

  private void change(User user, UserChange change) {
    replace(
        user,
        () -> workbench.client().changeUser(user.id(), change),
        "Could not change " + user.username());
  }

  /**
   * Runs {@code request} off the FX thread and shows the user it answers in place of {@code user}.
   */
  private void replace(User user, Callable<User> request, String failureHeading) {
    Background.run(
        request,
        changed -> {
          int index = users.indexOf(user);
          if (index >= 0) {
            users.set(index, changed);
            table.getSelectionModel().select(changed);
          }
        },
        failure -> workbench.failed(failureHeading, failure));
  }
}
