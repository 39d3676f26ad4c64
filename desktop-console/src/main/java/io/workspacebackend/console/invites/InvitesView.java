package io.workspacebackend.console.invites;

import io.workspacebackend.console.connection.LiveEvents;
import io.workspacebackend.console.ui.Background;
import io.workspacebackend.console.ui.Dialogs;
import io.workspacebackend.console.ui.Forms;
import io.workspacebackend.console.ui.Tables;
import io.workspacebackend.console.ui.Workbench;
import io.workspacebackend.model.invite.Invite;
import java.time.Clock;
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
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Invite codes (admins): generate, list with their state (live), revoke, copy a code. Binds an
 * {@link InvitesViewModel}, which holds the rows and the rules.
 */
public final class InvitesView {
  private final Workbench workbench;
  private final InvitesViewModel model;
  private final TableView<Invite> table = new TableView<>();
  private final BorderPane root = new BorderPane();

  public InvitesView(Workbench workbench, LiveEvents events) {
    this.workbench = workbench;
    this.model =
        new InvitesViewModel(
            InvitesApi.of(workbench.client()),
            Background::run,
            workbench::failed,
            Clock.systemUTC());
    SortedList<Invite> rows = new SortedList<>(model.rows());
    rows.comparatorProperty().bind(table.comparatorProperty());
    table.setItems(rows);
    table.setId("invites-table");
    Label placeholder = new Label();
    placeholder
        .textProperty()
        .bind(
            Bindings.when(model.loadingProperty())
                .then("Loading…")
                .otherwise("No invite codes yet."));
    table.setPlaceholder(placeholder);
    table.getColumns().addAll(columns());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Tables.bindSelection(table, model.selectedProperty(), model::select);
    Label message = Forms.message("invites-message");
    message.textProperty().bind(model.messageProperty());
    root.setTop(toolbar());
    VBox center = new VBox(table, message);
    VBox.setVgrow(table, Priority.ALWAYS);
    center.setPadding(new Insets(0, 8, 8, 8));
    root.setCenter(center);
    events.follow(
        new LiveEvents.Listener() {
          @Override
          public void invite(Invite invite) {
            model.apply(invite);
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
    Button generate = new Button("_Generate…");
    generate.setId("generate-invites");
    generate.setOnAction(
        event ->
            new GenerateInvitesDialog(workbench.window()).showAndWait().ifPresent(model::generate));
    Button copy = new Button("_Copy code");
    copy.setId("copy-invite");
    copy.disableProperty().bind(model.copyDisabledProperty());
    copy.setOnAction(event -> model.copySelected().ifPresent(InvitesView::putOnClipboard));
    Button revoke = new Button("_Revoke…");
    revoke.setId("revoke-invite");
    revoke.disableProperty().bind(model.revokeDisabledProperty());
    revoke.setOnAction(event -> revoke());
    Button refresh = new Button("Re_fresh");
    refresh.setId("refresh-invites");
    refresh.disableProperty().bind(model.loadingProperty());
    refresh.setOnAction(event -> model.refresh());
    return new ToolBar(generate, copy, revoke, refresh);
  }

  private List<TableColumn<Invite, ?>> columns() {
    return List.of(
        Tables.column("Code", Invite::code),
        Tables.column("Role", invite -> invite.role().wireName()),
        Tables.column("Uses", invite -> invite.uses() + " / " + invite.maxUses()),
        Tables.column(
            "Expires",
            invite -> invite.expiresAt() == null ? "never" : Tables.localTime(invite.expiresAt())),
        Tables.column("State", model::state),
        Tables.column("Note", invite -> invite.note() == null ? "" : invite.note()),
        Tables.column("Created", invite -> Tables.localTime(invite.createdAt())));
  }

  private void revoke() {
    model
        .selected()
        .filter(
            invite ->
                Dialogs.confirm(
                    workbench.window(),
                    "Revoke " + invite.code() + "?",
                    "Nobody can register with it any more. It stays in the list for the record.",
                    "_Revoke"))
        .ifPresent(model::revoke);
  }

  private static void putOnClipboard(String code) {
    ClipboardContent content = new ClipboardContent();
    content.putString(code);
    Clipboard.getSystemClipboard().setContent(content);
  }
}
