package io.workspacebackend.invite;

import io.workspacebackend.api.RequestViolations;
import io.workspacebackend.db.Database;
import io.workspacebackend.model.invite.Invite;
import io.workspacebackend.model.invite.InviteRequest;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/invite-codes}: admins generate, list and revoke invite codes; each code made or
 * revoked is announced on the event stream.
 */
@RestController
class InviteController {
  private final Database database;
  private final InviteCodes inviteCodes;
  private final InviteEvents events;

  InviteController(Database database, InviteCodes inviteCodes, InviteEvents events) {
    this.database = database;
    this.inviteCodes = inviteCodes;
    this.events = events;
  }

  @PostMapping("/api/invite-codes")
  @ResponseStatus(HttpStatus.CREATED)
  Mono<List<Invite>> generate(@RequestBody InviteRequest request, Principal admin) {
    RequestViolations violations = new RequestViolations();
    Optional<NewInvites> spec = InviteRequests.toNewInvites(request, admin.getName(), violations);
    return violations.ifValid(
        () ->
            database
                .call(() -> inviteCodes.generate(spec.orElseThrow()))
                .doOnNext(events::changed));
  }

  @GetMapping("/api/invite-codes")
  Mono<List<Invite>> list() {
    return database.call(inviteCodes::list);
  }

  @DeleteMapping("/api/invite-codes/{code}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> revoke(@PathVariable String code) {
    return database.call(() -> inviteCodes.revoke(code)).doOnNext(events::changed).then();
  }
}
