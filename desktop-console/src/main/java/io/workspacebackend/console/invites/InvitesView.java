package io.workspacebackend.console.invites;

import io.workspacebackend.console.ui.Background;
import io.workspacebackend.console.ui.Dialogs;
import io.workspacebackend.console.ui.Forms;
import io.workspacebackend.console.ui.Tables;
import io.workspacebackend.console.ui.Workbench;
import io.workspacebackend.model.invite.Invite;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
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

/** Invite codes (admins): generate, list with their state, revoke, copy a code. */
public final class InvitesView {
  private final Workbench workbench;
  private final ObservableList<Invite> invites = FXCollections.observableArrayList();
  private final TableView<Invite> table = new TableView<>(invites);
  private final Label message = Forms.message("invites-message");
  private final BorderPane root = new BorderPane();

  public InvitesView(Workbench workbench) {
    this.workbench = workbench;
    table.setId("invites-table");
    table.setPlaceholder(new Label("No invite codes yet."));
    table.getColumns().addAll(columns());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    root.setTop(toolbar());
    VBox center = new VBox(table, message);
    VBox.setVgrow(table, Priority.ALWAYS);
    center.setPadding(new Insets(0, 8, 8, 8));
    root.setCenter(center);
    workbench.whenReconnected(this::reload);
    reload();
  }

  public Parent root() {
    return root;
  }

  private ToolBar toolbar() {
    Button generate = new Button("_Generate…");
    generate.setId("generate-invites");
    generate.setOnAction(event -> generate());
    Button copy = new Button("_Copy code");
    copy.setId("copy-invite");
    copy.setOnAction(event -> selected().ifPresent(this::copy));
    Button revoke = new Button("_Revoke…");
    revoke.setId("revoke-invite");
    revoke.setOnAction(event -> selected().ifPresent(this::revoke));
    Button refresh = new Button("Re_fresh");
    refresh.setOnAction(event -> reload());
    var nothingSelected = table.getSelectionModel().selectedItemProperty().isNull();
    copy.disableProperty().bind(nothingSelected);
    revoke.disableProperty().bind(nothingSelected);
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
        Tables.column("State", invite -> InviteState.of(invite, Instant.now()).toString()),
        Tables.column("Note", invite -> invite.note() == null ? "" : invite.note()),
        Tables.column("Created", invite -> Tables.localTime(invite.createdAt())));
  }

  private Optional<Invite> selected() {
    return Optional.ofNullable(table.getSelectionModel().getSelectedItem());
  }

  private void reload() {
    Background.run(
        () -> workbench.client().invites(),
        invites::setAll,
        failure -> workbench.failed("Could not load the invite codes", failure));
  }

  private void generate() {
    new GenerateInvitesDialog(workbench.window())
        .showAndWait()
        .ifPresent(
            request ->
                Background.run(
                    () -> workbench.client().generateInvites(request),
                    created -> {
                      Forms.inform(
                          message,
                          created.size() == 1
                              ? "Generated " + created.get(0).code() + "."
                              : "Generated " + created.size() + " codes.");
                      reload();
                    },
                    failure -> workbench.failed("Could not generate invite codes", failure)));
  }

  private void copy(Invite invite) {
    ClipboardContent content = new ClipboardContent();
    content.putString(invite.code());
    Clipboard.getSystemClipboard().setContent(content);
    Forms.inform(message, "Copied " + invite.code() + " to the clipboard.");
  }

  private void revoke(Invite invite) {
    if (!Dialogs.confirm(
        workbench.window(),
        "Revoke " + invite.code() + "?",
        "Nobody can register with it any more. It stays in the list for the record.",
        "_Revoke")) {
      return;
    }
    Background.run(
        () -> {
          workbench.client().revokeInvite(invite.code());
          return invite.code();
        },
        code -> {
          Forms.inform(message, "Revoked " + code + ".");
          reload();
        },
        failure -> workbench.failed("Could not revoke the invite code", failure));
  }
}
