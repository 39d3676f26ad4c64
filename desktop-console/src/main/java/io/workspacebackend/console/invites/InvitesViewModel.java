package io.workspacebackend.console.invites;

import io.workspacebackend.console.ui.LiveRows;
import io.workspacebackend.console.ui.Worker;
import io.workspacebackend.model.invite.Invite;
import io.workspacebackend.model.invite.InviteRequest;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

/**
 * The Invites tab: every invite code (newest first, kept current by listings and live events), the
 * selected one and what it offers (copy; revoke unless revoked already), each code's state, and a
 * line saying what was just done. Calls go through a {@link Worker}; failures go to {@code failed}
 * (a dialog, or the window's banner).
 */
final class InvitesViewModel {
  private final InvitesApi api;
  private final Worker worker;
  private final BiConsumer<String, Throwable> failed;
  private final Clock clock;
  private final LiveRows<Invite, String> invites =
      new LiveRows<>(Invite::code, LiveRows.NewRows.FIRST);
  private final ReadOnlyBooleanWrapper copyDisabled = new ReadOnlyBooleanWrapper(true);
  private final ReadOnlyBooleanWrapper revokeDisabled = new ReadOnlyBooleanWrapper(true);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

  InvitesViewModel(
      InvitesApi api, Worker worker, BiConsumer<String, Throwable> failed, Clock clock) {
    this.api = api;
    this.worker = worker;
    this.failed = failed;
    this.clock = clock;
    var selected = invites.selectedProperty();
    copyDisabled.bind(selected.isNull());
    revokeDisabled.bind(
        Bindings.createBooleanBinding(
            () -> selected.get() == null || selected.get().revoked(), selected));
  }

  ObservableList<Invite> rows() {
    return invites.rows();
  }

  ReadOnlyObjectProperty<Invite> selectedProperty() {
    return invites.selectedProperty();
  }

  /** The table's selection changed. */
  void select(Invite invite) {
    invites.select(invite);
  }

  ReadOnlyBooleanProperty loadingProperty() {
    return invites.listingProperty();
  }

  ReadOnlyBooleanProperty copyDisabledProperty() {
    return copyDisabled.getReadOnlyProperty();
  }

  /** A revoked code cannot be revoked again; nothing selected, nothing to revoke. */
  ReadOnlyBooleanProperty revokeDisabledProperty() {
    return revokeDisabled.getReadOnlyProperty();
  }

  /** What was just done ("Generated …", "Revoked …", "Copied …"); empty at first. */
  ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** Whether the code can still be used, in the table's words, as of now. */
  String state(Invite invite) {
    return InviteState.of(invite, clock.instant()).toString();
  }

  /** Lists the codes anew (one listing at a time). */
  void refresh() {
    if (!invites.startListing()) {
      return;
    }
    worker.run(
        api::invites,
        listed -> {
          if (invites.listed(listed)) {
            refresh();
          }
        },
        failure -> {
          invites.listingFailed();
          failed.accept("Could not load the invite codes", failure);
        });
  }

  /** A code as the server announced it: a new row on top, or the row with its code replaced. */
  void apply(Invite invite) {
    invites.put(invite);
  }

  void generate(InviteRequest request) {
    worker.run(
        () -> api.generate(request),
        created -> {
          // Oldest first, so the newest ends on top, as the server lists them.
          created.forEach(invites::put);
          message.set(
              created.size() == 1
                  ? "Generated " + created.get(0).code() + "."
                  : "Generated " + created.size() + " codes.");
        },
        failure -> failed.accept("Could not generate invite codes", failure));
  }

  /** The selected code, to put on the clipboard (the view does that). */
  Optional<String> copySelected() {
    Optional<String> code = selected().map(Invite::code);
    code.ifPresent(copied -> message.set("Copied " + copied + " to the clipboard."));
    return code;
  }

  /** The selected code, as the view confirmed it. */
  Optional<Invite> selected() {
    return Optional.ofNullable(invites.selectedProperty().get());
  }

  void revoke(Invite invite) {
    worker.run(
        () -> {
          api.revoke(invite.code());
          return invite.code();
        },
        code -> {
          // The row as it is now (a registration may have used the code meanwhile), revoked:
          // the event saying so follows, unless the stream is down.
          invites.find(code).map(InvitesViewModel::revoked).ifPresent(invites::put);
          message.set("Revoked " + code + ".");
        },
        failure -> failed.accept("Could not revoke the invite code", failure));
  }

  private static Invite revoked(Invite invite) {
    return new Invite(
        invite.code(),
        invite.role(),
        invite.maxUses(),
        invite.uses(),
        invite.expiresAt(),
        true,
        invite.note(),
        invite.createdAt(),
        invite.createdBy());
  }
}
