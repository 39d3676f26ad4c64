package io.workspacebackend.console.users;

import io.workspacebackend.console.connection.LiveEvents;
import io.workspacebackend.console.ui.Background;
import io.workspacebackend.console.ui.Dialogs;
import io.workspacebackend.console.ui.Forms;
import io.workspacebackend.console.ui.Tables;
import io.workspacebackend.console.ui.Workbench;
import io.workspacebackend.model.user.User;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Users (admins): list, disable or enable, promote or demote, and set each one's quota, live. Binds
 * a {@link UsersViewModel}, which holds the rows and the rules.
 */
public final class UsersView {
  private final Workbench workbench;
  private final UsersViewModel model;
  private final TableView<User> table = new TableView<>();
  private final BorderPane root = new BorderPane();

  public UsersView(Workbench workbench, LiveEvents events) {
    this.workbench = workbench;
    this.model =
        new UsersViewModel(UsersApi.of(workbench.client()), Background::run, workbench::failed);
    SortedList<User> rows = new SortedList<>(model.rows());
    rows.comparatorProperty().bind(table.comparatorProperty());
    table.setItems(rows);
    table.setId("users-table");
    Label placeholder = new Label();
    placeholder
        .textProperty()
        .bind(Bindings.when(model.loadingProperty()).then("Loading…").otherwise("No users."));
    table.setPlaceholder(placeholder);
    table.getColumns().addAll(columns());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Tables.bindSelection(table, model.selectedProperty(), model::select);
    Label refusal = Forms.errorMessage("users-refusal");
    refusal.textProperty().bind(model.refusalProperty());
    root.setTop(toolbar());
    VBox center = new VBox(table, refusal);
    VBox.setVgrow(table, Priority.ALWAYS);
    center.setPadding(new Insets(0, 8, 8, 8));
    root.setCenter(center);
    events.follow(
        new LiveEvents.Listener() {
          @Override
          public void user(User user) {
            model.apply(user);
          }

          @Override
          public void resumed() {
            model.refresh();
          }
        });
    model.refresh();
  }

  public Parent root() {
    return root;
  }

  private ToolBar toolbar() {
    Button access = new Button();
    access.setId("toggle-disabled");
    access.textProperty().bind(model.accessActionProperty());
    access.disableProperty().bind(model.actionsDisabledProperty());
    access.setOnAction(event -> toggleAccess());
    Button role = new Button();
    role.setId("toggle-role");
    role.textProperty().bind(model.roleActionProperty());
    role.disableProperty().bind(model.actionsDisabledProperty());
    role.setOnAction(event -> model.toggleRole());
    Button quota = new Button("_Quota…");
    quota.setId("edit-quota");
    quota.disableProperty().bind(model.actionsDisabledProperty());
    quota.setOnAction(event -> editQuota());
    Button refresh = new Button("Re_fresh");
    refresh.setId("refresh-users");
    refresh.disableProperty().bind(model.loadingProperty());
    refresh.setOnAction(event -> model.refresh());
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

  private void toggleAccess() {
    User user = model.selectedProperty().get();
    if (model.accessActionDisables()
        && !Dialogs.confirm(
            workbench.window(),
            "Disable " + user.username() + "?",
            "Their sign-ins stop working at once. Their sessions keep running.",
            "_Disable")) {
      return;
    }
    model.toggleAccess();
  }

  private void editQuota() {
    model
        .quotaEditor()
        .ifPresent(
            editor ->
                new QuotaDialog(workbench.window(), editor)
                    .showAndWait()
                    .ifPresent(quota -> model.saveQuota(editor.user(), quota)));
  }
}
