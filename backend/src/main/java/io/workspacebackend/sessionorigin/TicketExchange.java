package io.workspacebackend.sessionorigin;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code GET /_session/ticket?t=…} on a session origin: redeems a ticket made by {@code GET
 * /api/sessions/{id}/open} for this very session, sets the origin's cookie and sends the browser on
 * to the service. A ticket for another session is used up all the same, and refused.
 */
@Component
class TicketExchange {
  static final String PATH = "/_session/ticket";
  static final String PARAMETER = "t";

  private final SessionTickets tickets;
  private final SessionCookies cookies;

  TicketExchange(SessionTickets tickets, SessionCookies cookies) {
    this.tickets = tickets;
    this.cookies = cookies;
  }

  Mono<Void> redeem(ServerWebExchange exchange, String sessionId) {
    ServerHttpRequest request = exchange.getRequest();
    if (!HttpMethod.GET.equals(request.getMethod())) {
      return Mono.error(new MethodNotAllowedException(request.getMethod(), Set.of(HttpMethod.GET)));
    }
    Optional<SessionTicket> ticket =
        tickets
            .redeem(request.getQueryParams().getFirst(PARAMETER))
            .filter(redeemed -> redeemed.sessionId().equals(sessionId));
    if (ticket.isEmpty()) {
      return Mono.error(new InvalidTicketException(sessionId));
    }
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(HttpStatus.FOUND);
    response.getHeaders().setLocation(URI.create(ticket.get().landing()));
    response.getHeaders().setCacheControl("no-store");
    // The ticket is in this request's URL; nothing that follows needs to see it.
    response.getHeaders().set("Referrer-Policy", "no-referrer");
    response.addCookie(cookies.issue(ticket.get(), request));
    return response.setComplete();
  }

  static boolean addresses(ServerHttpRequest request) {
    return request.getPath().value().equals(PATH);
  }
}
