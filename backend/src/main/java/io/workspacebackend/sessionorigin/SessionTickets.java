package io.workspacebackend.sessionorigin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Tickets waiting to be redeemed on a session origin: in memory (one server), each valid for {@link
 * #LIFETIME} and redeemable once. Redeeming removes the ticket from the map in one atomic step, so
 * of any number of parallel redemptions exactly one gets it. At most {@link #MAX_OUTSTANDING} wait
 * at a time; expired ones are dropped when the map fills up.
 */
@Component
class SessionTickets {
  /** Long enough for a browser to follow two redirects, short enough not to be worth stealing. */
  static final Duration LIFETIME = Duration.ofSeconds(30);

  static final int MAX_OUTSTANDING = 10_000;
  private static final int TICKET_BYTES = 32;

  private final Map<String, SessionTicket> waiting = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  SessionTickets(Clock clock) {
    this.clock = clock;
  }

  /** Stores {@code ticket} and returns its value (256 random bits, URL-safe). */
  String issue(SessionTicket ticket) {
    if (waiting.size() >= MAX_OUTSTANDING) {
      Instant now = clock.instant();
      waiting.values().removeIf(waitingTicket -> !waitingTicket.expiresAt().isAfter(now));
      if (waiting.size() >= MAX_OUTSTANDING) {
        throw new TooManyTicketsException(LIFETIME);
      }
    }
    byte[] bytes = new byte[TICKET_BYTES];
    random.nextBytes(bytes);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    waiting.put(value, ticket);
    return value;
  }

  /** The ticket, taken out for good; empty if it is unknown, already redeemed or expired. */
  Optional<SessionTicket> redeem(String value) {
    if (value == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(waiting.remove(value))
        .filter(ticket -> ticket.expiresAt().isAfter(clock.instant()));
  }

  /** When a ticket issued now expires. */
  Instant expiryFromNow() {
    return clock.instant().plus(LIFETIME);
  }
}
