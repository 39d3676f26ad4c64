package io.workspacebackend.session;

import static io.workspacebackend.model.session.SessionStatus.FAILED;
import static io.workspacebackend.model.session.SessionStatus.PENDING;
import static io.workspacebackend.model.session.SessionStatus.RUNNING;
import static io.workspacebackend.model.session.SessionStatus.STARTING;
import static io.workspacebackend.model.session.SessionStatus.STOPPED;
import static io.workspacebackend.model.session.SessionStatus.STOPPING;
import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.session.SessionStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The whole state table, walked with no engine: every move it allows, and the refusal of others.
 */
class SessionTransitionsTableTest {
  /** The table as the contract and the console rely on it, written out once more on purpose. */
  private static final Map<SessionStatus, Set<SessionStatus>> ALLOWED =
      Map.of(
          PENDING, EnumSet.of(STARTING, STOPPING, FAILED),
          STARTING, EnumSet.of(RUNNING, STOPPING, FAILED),
          RUNNING, EnumSet.of(STOPPING, FAILED),
          STOPPING, EnumSet.of(STOPPED),
          STOPPED, EnumSet.of(STARTING),
          FAILED, EnumSet.of(STARTING, STOPPING));

  @Test
  void everyMoveTheTableAllowsHappensAndEveryOtherIsRefused() {
    for (SessionStatus from : SessionStatus.values()) {
      for (SessionStatus to : SessionStatus.values()) {
        SessionRow row = row(from);
        SessionRow after = SessionTransitions.moved(row, to, same -> withStatus(same, to));
        boolean allowed = ALLOWED.get(from).contains(to);
        assertThat(from.mayMoveTo(to)).as(from + " may move to " + to).isEqualTo(allowed);
        if (allowed) {
          assertThat(after.state()).as(from + " -> " + to).isEqualTo(to);
        } else {
          assertThat(after).as(from + " -> " + to + " is refused, the row unchanged").isSameAs(row);
        }
      }
    }
  }

  @Test
  void eachStateSaysWhatItMeans() {
    assertThat(EnumSet.allOf(SessionStatus.class).stream().filter(SessionStatus::isLive))
        .containsExactlyInAnyOrder(PENDING, STARTING, RUNNING, STOPPING);
    assertThat(SessionStatus.live())
        .containsExactlyInAnyOrder(PENDING, STARTING, RUNNING, STOPPING);
    assertThat(EnumSet.allOf(SessionStatus.class).stream().filter(SessionStatus::isProxied))
        .containsExactly(RUNNING);
    assertThat(EnumSet.allOf(SessionStatus.class).stream().filter(SessionStatus::isStarting))
        .containsExactlyInAnyOrder(PENDING, STARTING);
    assertThat(EnumSet.allOf(SessionStatus.class).stream().filter(SessionStatus::canStop))
        .containsExactlyInAnyOrder(PENDING, STARTING, RUNNING);
    assertThat(EnumSet.allOf(SessionStatus.class).stream().filter(SessionStatus::canStart))
        .containsExactlyInAnyOrder(STOPPED, FAILED);
  }

  @Test
  void aStopKeepsItsReasonAndADeletionIsMarked() {
    SessionRow stopping = row(RUNNING).stopping("idle for 30m", false);
    SessionRow stopped = stopping.stopped(Instant.EPOCH);

    assertThat(stopped.state()).isEqualTo(STOPPED);
    assertThat(stopped.toApi().stopReason()).isEqualTo("idle for 30m");
    assertThat(stopped.deleting()).isFalse();
    assertThat(row(FAILED).stopping("being deleted", true).deleting()).isTrue();
  }

  @Test
  void startingAgainForgetsTheEndingAndTakesTheNewSecretAndPorts() {
    SessionRow failed = row(RUNNING).failed(Instant.EPOCH, "the container exited with code 1", 1);
    SessionRow resumed =
        failed
            .restarted()
            .resumed("new-secret", new io.workspacebackend.model.session.SessionPorts(7, 8, 9));

    assertThat(resumed.state()).isEqualTo(STARTING);
    assertThat(resumed.errorMessage()).isNull();
    assertThat(resumed.exitCode()).isNull();
    assertThat(resumed.stoppedAt()).isNull();
    assertThat(resumed.containerId()).isNull();
    assertThat(resumed.serviceSecret()).isEqualTo("new-secret");
    assertThat(resumed.ports().ttyd()).isEqualTo(9);
  }

  private static SessionRow withStatus(SessionRow row, SessionStatus status) {
    return switch (status) {
      case STARTING -> row.restarted();
      case RUNNING -> row.running(Instant.EPOCH);
      case STOPPING -> row.stopping("test", false);
      case STOPPED -> row.stopped(Instant.EPOCH);
      case FAILED -> row.failed(Instant.EPOCH, "test", null);
      case PENDING -> row;
    };
  }

  private static SessionRow row(SessionStatus status) {
    return new SessionRow(
        UUID.randomUUID().toString(),
        "name",
        UUID.randomUUID().toString(),
        status.wireName(),
        "opencode-dev:latest",
        "/w",
        "container",
        "container-name",
        "network",
        "docker",
        "secret",
        1,
        2,
        3,
        "{}",
        null,
        null,
        Instant.EPOCH,
        null,
        null,
        null,
        null,
        null,
        false);
  }
}
