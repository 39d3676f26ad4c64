package io.workspacebackend.sessionorigin;

import io.workspacebackend.api.RequestViolations;
import io.workspacebackend.auth.SignedInUser;
import io.workspacebackend.proxy.ProxiedService;
import io.workspacebackend.proxy.StartupGate;
import io.workspacebackend.session.SessionTargets;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/sessions/{id}/open?service=opencode|terminal|files}: sends a browser to the
 * session's own origin with a single-use ticket, which that origin swaps for its cookie. The caller
 * must be allowed into the session (its owner or an admin), exactly as on the proxies.
 */
@RestController
class SessionOpenController {
  private final SessionTargets sessions;
  private final SessionHosts hosts;
  private final SessionTickets tickets;

  SessionOpenController(SessionTargets sessions, SessionHosts hosts, SessionTickets tickets) {
    this.sessions = sessions;
    this.hosts = hosts;
    this.tickets = tickets;
  }

  @GetMapping("/api/sessions/{id}/open")
  Mono<ResponseEntity<Void>> open(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable String id,
      @RequestParam(name = "service", required = false) String serviceName,
      ServerHttpRequest request) {
    Optional<ProxiedService> service =
        Optional.ofNullable(serviceName).flatMap(ProxiedService::named);
    RequestViolations violations = new RequestViolations();
    if (service.isEmpty()) {
      violations.add("service", "must be one of " + ProxiedService.names());
    }
    return violations.ifValid(
        () ->
            sessions
                .find(user, id)
                // A stopped or failed session gets the 409 its proxies would give, not a ticket.
                .flatMap(StartupGate::admit)
                .map(target -> redirectToOrigin(user, target.sessionId(), service.get(), request)));
  }

  /** A ticket for the session, and the redirect that takes it to the session's origin. */
  private ResponseEntity<Void> redirectToOrigin(
      SignedInUser user, String sessionId, ProxiedService service, ServerHttpRequest request) {
    if (hosts.domain().isEmpty()) {
      throw new SessionOriginsOffException();
    }
    String ticket =
        tickets.issue(
            new SessionTicket(
                user.account().id(),
                user.tokenId(),
                user.tokenExpiresAt(),
                sessionId,
                service.landing(),
                tickets.expiryFromNow()));
    String apiHost = request.getHeaders().getFirst(HttpHeaders.HOST);
    URI location =
        URI.create(
            hosts.originFor(sessionId, apiHost == null ? "" : apiHost)
                + TicketExchange.PATH
                + "?"
                + TicketExchange.PARAMETER
                + "="
                + ticket);
    return ResponseEntity.status(HttpStatus.FOUND)
        .location(location)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        // The ticket is in the address; the session's pages need not learn where it came from.
        .header("Referrer-Policy", "no-referrer")
        .build();
  }
}
