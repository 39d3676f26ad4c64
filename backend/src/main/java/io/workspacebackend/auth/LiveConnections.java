package io.workspacebackend.auth;

import io.workspacebackend.model.user.Role;
import io.workspacebackend.user.AccountChangeListener;
import io.workspacebackend.user.UserAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.function.Predicate;
import org.reactivestreams.Publisher;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Every connection that outlives the request that authenticated it (terminal WebSockets, event and
 * log streams, proxied requests), so that logging out, disabling or demoting a user and deleting a
 * session end what is already open, not only what comes next. The code that withdraws access calls
 * here right after its database write; connections register when they open and unregister when they
 * end.
 *
 * <p>A request authenticated just before a withdrawal may register just after it; withdrawals are
 * remembered for {@link #MEMORY} so that such a connection is ended as it registers.
 */
@Component
public class LiveConnections implements AccountChangeListener {
  /** Far longer than a request takes from its authentication to its registration. */
  static final Duration MEMORY = Duration.ofMinutes(1);

  private final Clock clock;
  private final Set<LiveConnection> open = ConcurrentHashMap.newKeySet();
  private final Queue<Withdrawal> recent = new ConcurrentLinkedQueue<>();

  public LiveConnections(Clock clock) {
    this.clock = clock;
  }

  /** Registers a connection; close the result when the connection ends, however it ends. */
  public LiveConnection open(ConnectionGrant grant) {
    LiveConnection connection = new LiveConnection(grant, open::remove);
    open.add(connection);
    // Checked after adding: a withdrawal racing with this either is seen here or sees the
    // connection in the set (or both; the first revocation wins).
    Instant now = clock.instant();
    for (Withdrawal withdrawal : recent) {
      if (withdrawal.until().isAfter(now) && withdrawal.affects().test(grant)) {
        connection.end(withdrawal.why());
      }
    }
    return connection;
  }

  /**
   * {@code stream} registered while it is subscribed; when its access is withdrawn it ends with
   * {@code lastWord} of why.
   */
  public <T> Flux<T> whileGranted(
      ConnectionGrant grant, Flux<T> stream, Function<Revocation, Publisher<T>> lastWord) {
    return Flux.using(
        () -> open(grant), connection -> connection.until(stream, lastWord), LiveConnection::close);
  }

  /** Logout revoked this token: what it opened ends. */
  public void signedOut(String tokenId) {
    withdraw(Revocation.SIGNED_OUT, null, grant -> grant.tokenId().equals(tokenId));
  }

  /** A disabled user loses everything; a user without the admin role, what only it let in. */
  @Override
  public void accountChanged(UserAccount account) {
    UUID userId = account.id();
    if (account.disabled()) {
      withdraw(Revocation.DISABLED, userId, grant -> grant.userId().equals(userId));
    } else {
      forget(Revocation.DISABLED, userId);
    }
    if (account.role() != Role.ADMIN) {
      withdraw(
          Revocation.DEMOTED,
          userId,
          grant -> grant.userId().equals(userId) && grant.viaAdminRole());
    } else {
      forget(Revocation.DEMOTED, userId);
    }
  }

  /** The session is going: every connection into it ends, whoever opened it. */
  public void sessionDeleted(String sessionId) {
    withdraw(
        Revocation.SESSION_DELETED, null, sessionId, grant -> sessionId.equals(grant.sessionId()));
  }

  /**
   * The session failed: its ports go back to the pool and may soon belong to another session, so a
   * terminal still waiting to reach it must not dial them again.
   */
  public void sessionFailed(String sessionId) {
    withdraw(
        Revocation.SESSION_FAILED, null, sessionId, grant -> sessionId.equals(grant.sessionId()));
  }

  /**
   * The session is being stopped (its workspace kept): every connection into it ends, and its ports
   * go back to the pool.
   */
  public void sessionStopped(String sessionId) {
    withdraw(
        Revocation.SESSION_STOPPED, null, sessionId, grant -> sessionId.equals(grant.sessionId()));
  }

  /**
   * A stopped or failed session starts again (or its container was started again and it is
   * adopted): new connections into it must not meet its earlier ending.
   */
  public void sessionStarting(String sessionId) {
    recent.removeIf(
        withdrawal ->
            (withdrawal.why() == Revocation.SESSION_FAILED
                    || withdrawal.why() == Revocation.SESSION_STOPPED)
                && sessionId.equals(withdrawal.sessionId()));
  }

  /** How many connections are registered now. */
  public int openCount() {
    return open.size();
  }

  private void withdraw(Revocation why, UUID userId, Predicate<ConnectionGrant> affects) {
    withdraw(why, userId, null, affects);
  }

  private void withdraw(
      Revocation why, UUID userId, String sessionId, Predicate<ConnectionGrant> affects) {
    Instant now = clock.instant();
    recent.removeIf(withdrawal -> !withdrawal.until().isAfter(now));
    recent.add(new Withdrawal(why, userId, sessionId, affects, now.plus(MEMORY)));
    // A scan, not an index: withdrawals are rare and open connections number in the hundreds.
    for (LiveConnection connection : open) {
      if (affects.test(connection.grant())) {
        connection.end(why);
      }
    }
  }

  /** Re-enabled or promoted again: new connections must not meet the old withdrawal. */
  private void forget(Revocation why, UUID userId) {
    recent.removeIf(withdrawal -> withdrawal.why() == why && userId.equals(withdrawal.userId()));
  }

  /**
   * A withdrawal remembered for late registrations; {@code userId} or {@code sessionId} when it
   * concerns one user or one session.
   */
  private record Withdrawal(
      Revocation why,
      UUID userId,
      String sessionId,
      Predicate<ConnectionGrant> affects,
      Instant until) {}
}
