package io.workspacebackend.sessionorigin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.workspacebackend.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Tickets: random, single-use under concurrency, short-lived and bounded in number. */
class SessionTicketsTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final MutableClock clock = new MutableClock(START);
  private final SessionTickets tickets = new SessionTickets(clock);

  private SessionTicket ticket() {
    return new SessionTicket(
        UUID.randomUUID(),
        "login-jti",
        START.plus(Duration.ofHours(1)),
        "session-1",
        "/",
        tickets.expiryFromNow());
  }

  @Test
  void aTicketIsRedeemedOnceAndThenIsGone() {
    SessionTicket issued = ticket();
    String value = tickets.issue(issued);

    assertThat(tickets.redeem(value)).contains(issued);
    assertThat(tickets.redeem(value)).isEmpty();
    assertThat(tickets.redeem("not-a-ticket")).isEmpty();
    assertThat(tickets.redeem(null)).isEmpty();
  }

  @Test
  void ofManyParallelRedemptionsExactlyOneSucceeds() throws Exception {
    int parallel = 64;
    for (int round = 0; round < 20; round++) {
      String value = tickets.issue(ticket());
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(parallel);
      try {
        List<Future<Optional<SessionTicket>>> attempts = new ArrayList<>();
        Callable<Optional<SessionTicket>> redeem =
            () -> {
              start.await();
              return tickets.redeem(value);
            };
        for (int i = 0; i < parallel; i++) {
          attempts.add(pool.submit(redeem));
        }
        start.countDown();
        int redeemed = 0;
        for (Future<Optional<SessionTicket>> attempt : attempts) {
          redeemed += attempt.get().isPresent() ? 1 : 0;
        }
        assertThat(redeemed).as("round %d", round).isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void aTicketExpiresAfterItsLifetime() {
    String value = tickets.issue(ticket());
    clock.advance(SessionTickets.LIFETIME);

    assertThat(tickets.redeem(value)).isEmpty();
  }

  @Test
  void ticketsAreUnguessableAndUrlSafe() {
    Set<String> values = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      values.add(tickets.issue(ticket()));
    }
    assertThat(values).hasSize(1000).allMatch(value -> value.matches("[A-Za-z0-9_-]{43}"));
  }

  @Test
  void aFullStoreMakesRoomByDroppingExpiredTicketsOrRefuses() {
    for (int i = 0; i < SessionTickets.MAX_OUTSTANDING; i++) {
      tickets.issue(ticket());
    }
    assertThatThrownBy(() -> tickets.issue(ticket())).isInstanceOf(TooManyTicketsException.class);

    clock.advance(SessionTickets.LIFETIME);
    String value = tickets.issue(ticket());
    assertThat(tickets.redeem(value)).isPresent();
  }
}
