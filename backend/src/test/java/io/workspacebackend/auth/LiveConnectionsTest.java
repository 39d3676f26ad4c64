package io.workspacebackend.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.MutableClock;
import io.workspacebackend.user.UserAccount;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** Which withdrawal ends which connection, and that the registry forgets what has ended. */
class LiveConnectionsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final LiveConnections connections = new LiveConnections(clock);
  private final UUID alice = UUID.randomUUID();
  private final UUID bob = UUID.randomUUID();

  @Test
  void loggingOutEndsOnlyWhatThatTokenOpened() {
    LiveConnection first = connections.open(grant(alice, "token-1", "s1", false));
    LiveConnection second = connections.open(grant(alice, "token-2", "s1", false));
    LiveConnection others = connections.open(grant(bob, "token-3", "s1", false));

    connections.signedOut("token-1");

    assertThat(first.revocation()).contains(Revocation.SIGNED_OUT);
    assertThat(second.isRevoked()).isFalse();
    assertThat(others.isRevoked()).isFalse();
  }

  @Test
  void disablingAUserEndsAllTheirConnectionsAndNoOneElses() {
    LiveConnection terminal = connections.open(grant(alice, "token-1", "s1", false));
    LiveConnection events = connections.open(grant(alice, "token-2", null, false));
    LiveConnection others = connections.open(grant(bob, "token-3", "s1", false));

    connections.accountChanged(account(alice, Role.USER, true));

    assertThat(terminal.revocation()).contains(Revocation.DISABLED);
    assertThat(events.revocation()).contains(Revocation.DISABLED);
    assertThat(others.isRevoked()).isFalse();
  }

  @Test
  void demotingAnAdminEndsOnlyWhatTheAdminRoleLetIn() {
    LiveConnection everyonesEvents = connections.open(grant(alice, "token-1", null, true));
    LiveConnection othersSession = connections.open(grant(alice, "token-1", "bobs", true));
    LiveConnection ownSession = connections.open(grant(alice, "token-1", "alices", false));

    connections.accountChanged(account(alice, Role.USER, false));

    assertThat(everyonesEvents.revocation()).contains(Revocation.DEMOTED);
    assertThat(othersSession.revocation()).contains(Revocation.DEMOTED);
    assertThat(ownSession.isRevoked()).isFalse();
  }

  @Test
  void promotingOrEnablingEndsNothing() {
    LiveConnection connection = connections.open(grant(alice, "token-1", null, true));

    connections.accountChanged(account(alice, Role.ADMIN, false));

    assertThat(connection.isRevoked()).isFalse();
  }

  @Test
  void deletingASessionEndsEveryonesConnectionsIntoIt() {
    LiveConnection owners = connections.open(grant(alice, "token-1", "s1", false));
    LiveConnection admins = connections.open(grant(bob, "token-2", "s1", true));
    LiveConnection elsewhere = connections.open(grant(alice, "token-1", "s2", false));
    LiveConnection events = connections.open(grant(alice, "token-1", null, false));

    connections.sessionDeleted("s1");

    assertThat(owners.revocation()).contains(Revocation.SESSION_DELETED);
    assertThat(admins.revocation()).contains(Revocation.SESSION_DELETED);
    assertThat(elsewhere.isRevoked()).isFalse();
    assertThat(events.isRevoked()).isFalse();
  }

  /** Its ports may go to another session: a terminal waiting to redial them must end. */
  @Test
  void aFailedSessionEndsEveryConnectionIntoIt() {
    LiveConnection waiting = connections.open(grant(bob, "token-2", "s1", false));
    LiveConnection elsewhere = connections.open(grant(bob, "token-2", "s2", false));

    connections.sessionFailed("s1");

    assertThat(waiting.revocation()).contains(Revocation.SESSION_FAILED);
    assertThat(elsewhere.isRevoked()).isFalse();
  }

  @Test
  void theFirstWithdrawalIsTheReasonAndTheSignalComesOnce() {
    LiveConnection connection = connections.open(grant(alice, "token-1", "s1", true));

    StepVerifier.create(connection.revoked())
        .then(() -> connections.accountChanged(account(alice, Role.USER, true)))
        .then(() -> connections.signedOut("token-1"))
        .expectNext(Revocation.DISABLED)
        .verifyComplete();
    assertThat(connection.revocation()).contains(Revocation.DISABLED);
  }

  @Test
  void aConnectionRegisteredJustAfterAWithdrawalIsEndedAsItRegisters() {
    connections.signedOut("token-1");
    connections.sessionDeleted("s1");

    assertThat(connections.open(grant(alice, "token-1", "s9", false)).revocation())
        .contains(Revocation.SIGNED_OUT);
    assertThat(connections.open(grant(bob, "token-2", "s1", false)).revocation())
        .contains(Revocation.SESSION_DELETED);
    assertThat(connections.open(grant(bob, "token-2", "s2", false)).isRevoked()).isFalse();
  }

  @Test
  void withdrawalsAreRememberedOnlyForAMinute() {
    connections.signedOut("token-1");
    clock.advance(LiveConnections.MEMORY);
    connections.sessionDeleted("another");

    assertThat(connections.open(grant(alice, "token-1", "s1", false)).isRevoked()).isFalse();
  }

  @Test
  void enablingAgainForgetsTheDisablingForNewConnections() {
    connections.accountChanged(account(alice, Role.ADMIN, true));
    connections.accountChanged(account(alice, Role.ADMIN, false));

    assertThat(connections.open(grant(alice, "token-1", null, true)).isRevoked()).isFalse();
  }

  @Test
  void closingUnregisters() {
    LiveConnection connection = connections.open(grant(alice, "token-1", "s1", false));
    assertThat(connections.openCount()).isEqualTo(1);

    connection.close();

    assertThat(connections.openCount()).isZero();
  }

  @Test
  void aStreamEndsWithItsLastWordWhenRevokedAndIsUnregisteredHoweverItEnds() {
    Sinks.Many<String> source = Sinks.many().unicast().onBackpressureBuffer();
    StepVerifier.create(
            connections.whileGranted(
                grant(alice, "token-1", null, false),
                source.asFlux(),
                why -> Flux.just("ended: " + why.reason())))
        .then(() -> source.tryEmitNext("one"))
        .expectNext("one")
        .then(() -> assertThat(connections.openCount()).isEqualTo(1))
        .then(() -> connections.signedOut("token-1"))
        .expectNext("ended: signed out")
        .verifyComplete();
    assertThat(connections.openCount()).isZero();

    StepVerifier.create(
            connections.whileGranted(
                grant(alice, "token-2", null, false), Flux.never(), why -> Flux.empty()))
        .thenCancel()
        .verify();
    StepVerifier.create(
            connections.whileGranted(
                grant(alice, "token-2", null, false),
                Flux.error(new IllegalStateException("gone")),
                why -> Flux.empty()))
        .verifyError(IllegalStateException.class);
    StepVerifier.create(
            connections.whileGranted(
                grant(alice, "token-2", null, false), Flux.just("done"), why -> Flux.empty()))
        .expectNext("done")
        .verifyComplete();
    assertThat(connections.openCount()).isZero();
  }

  private static ConnectionGrant grant(
      UUID user, String tokenId, String sessionId, boolean viaAdminRole) {
    return new ConnectionGrant(user, tokenId, sessionId, viaAdminRole);
  }

  private static UserAccount account(UUID id, Role role, boolean disabled) {
    return new UserAccount(id, "user-" + id, "hash", role, disabled, Instant.EPOCH);
  }
}
