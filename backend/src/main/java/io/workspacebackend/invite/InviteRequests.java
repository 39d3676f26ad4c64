package io.workspacebackend.invite;

import io.workspacebackend.api.RequestViolations;
import io.workspacebackend.config.DurationFormat;
import io.workspacebackend.model.invite.InviteRequest;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.user.Roles;
import java.time.Duration;
import java.util.Optional;

/** Checks a {@code POST /api/invite-codes} body against the contract and fills in defaults. */
final class InviteRequests {
  private InviteRequests() {}

  /** The request as {@link NewInvites}, or empty with every broken rule in {@code violations}. */
  static Optional<NewInvites> toNewInvites(
      InviteRequest request, String createdBy, RequestViolations violations) {
    int count = request.count() == null ? 1 : request.count();
    if (count < 1 || count > NewInvites.MAX_COUNT) {
      violations.add("count", "must be from 1 to " + NewInvites.MAX_COUNT);
    }
    int maxUses = request.maxUses() == null ? 1 : request.maxUses();
    if (maxUses < 1) {
      violations.add("max_uses", "must be at least 1");
    }
    Optional<Duration> expiresIn = Optional.empty();
    if (request.expiresIn() != null) {
      expiresIn = DurationFormat.parse(request.expiresIn()).filter(NewInvites::allowedExpiry);
      if (expiresIn.isEmpty()) {
        violations.add("expires_in", NewInvites.EXPIRES_IN_RULE);
      }
    }
    Role role = Role.USER;
    if (request.role() != null) {
      role = Roles.parse(request.role()).orElse(null);
      if (role == null) {
        violations.add("role", "must be \"admin\" or \"user\"");
      }
    }
    if (request.note() != null && request.note().length() > NewInvites.MAX_NOTE_LENGTH) {
      violations.add("note", "must be at most " + NewInvites.MAX_NOTE_LENGTH + " characters long");
    }
    if (!violations.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new NewInvites(
            count,
            maxUses,
            expiresIn,
            role,
            Optional.ofNullable(request.note()).filter(note -> !note.isBlank()),
            Optional.of(createdBy)));
  }
}
