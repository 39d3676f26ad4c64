package io.workspacebackend.console.dashboard;

import static io.workspacebackend.console.dashboard.FakeDashboardServer.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.client.ServerUnreachableException;
import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.console.testing.HeldWork;
import io.workspacebackend.model.session.SessionStatus;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The dashboard's data and sampling, with a fake server and no window. */
class DashboardViewModelTest {
  private static final long MIB = 1024 * 1024;

  private final FakeDashboardServer server = new FakeDashboardServer();
  private final HeldWork threading = new HeldWork();
  private final List<Throwable> lost = new ArrayList<>();
  private final DashboardViewModel model =
      new DashboardViewModel(
          server,
          threading,
          Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC),
          lost::add);

  @Test
  void countsSessionsByStateFromTheListThenFromEachEvent() {
    server.add(SessionStatus.RUNNING, 0, 0);
    server.add(SessionStatus.RUNNING, 0, 0);
    UUID stopped = server.add(SessionStatus.STOPPED, 0, 0);
    model.start();
    threading.runAll();

    assertThat(model.countProperty(SessionStatus.RUNNING).get()).isEqualTo(2);
    assertThat(model.countProperty(SessionStatus.STOPPED).get()).isEqualTo(1);
    assertThat(model.totalProperty().get()).isEqualTo(3);

    model.sessionChanged(session(stopped, SessionStatus.STARTING));
    model.sessionChanged(session(UUID.randomUUID(), SessionStatus.PENDING));

    assertThat(model.countProperty(SessionStatus.STOPPED).get()).isZero();
    assertThat(model.countProperty(SessionStatus.STARTING).get()).isEqualTo(1);
    assertThat(model.countProperty(SessionStatus.PENDING).get()).isEqualTo(1);
    assertThat(model.totalProperty().get()).isEqualTo(4);

    model.sessionDeleted(stopped);

    assertThat(model.countProperty(SessionStatus.STARTING).get()).isZero();
    assertThat(model.totalProperty().get()).isEqualTo(3);
  }

  @Test
  void aSampleSumsTheStatsOfTheRunningSessionsOnly() {
    server.add(SessionStatus.RUNNING, 12.5, 300 * MIB);
    server.add(SessionStatus.RUNNING, 30, 212 * MIB);
    server.add(SessionStatus.STOPPED, 99, 999 * MIB);
    model.start();
    threading.runAll();

    model.sample();
    threading.runAll();

    assertThat(server.statsCalls).isEqualTo(2);
    assertThat(model.history())
        .singleElement()
        .isEqualTo(new ResourceSample(Instant.parse("2026-12-01T12:00:00Z"), 42.5, 512 * MIB, 2));
    assertThat(model.cpuTextProperty().get()).isEqualTo("42.5 %");
    assertThat(model.memoryTextProperty().get()).isEqualTo("512 MiB");
  }

  @Test
  void aTickWhileARoundIsUnderWayStartsNoSecondRound() {
    server.add(SessionStatus.RUNNING, 10, MIB);
    model.start();
    threading.runAll();

    model.sample();
    model.sample();
    model.sample();
    threading.runAll();

    assertThat(server.statsCalls).as("one round, one call per running session").isEqualTo(1);
    assertThat(model.history()).hasSize(1);

    model.sample();
    threading.runAll();

    assertThat(model.history()).hasSize(2);
  }

  @Test
  void theHistoryKeepsOnlyTheLastMinutes() {
    model.start();
    threading.runAll();

    for (int i = 0; i < ResourceSampler.KEPT_SAMPLES + 7; i++) {
      model.sample();
      threading.runAll();
    }

    assertThat(model.history()).hasSize(ResourceSampler.KEPT_SAMPLES);
  }

  /** A read-only view made per call listens weakly, and a chart following it went still. */
  @Test
  void everyCallerFollowsTheSameHistoryList() {
    assertThat(model.history()).isSameAs(model.history());
  }

  @Test
  void aSessionThatStoppedMeanwhileAddsNothingToTheSample() {
    server.add(SessionStatus.RUNNING, 20, 100 * MIB);
    UUID stopping = server.add(SessionStatus.RUNNING, 50, 400 * MIB);
    server.statsFailures.put(stopping, new IllegalStateException("409 session is stopping"));
    model.start();
    threading.runAll();

    model.sample();
    threading.runAll();

    assertThat(model.history())
        .singleElement()
        .satisfies(
            sample -> {
              assertThat(sample.cpuPercent()).isEqualTo(20);
              assertThat(sample.memoryBytes()).isEqualTo(100 * MIB);
              assertThat(sample.sessions()).isEqualTo(1);
            });
    assertThat(lost).isEmpty();
  }

  @Test
  void aServerThatIsGoneIsReportedOnceAndNotAskedUntilItAnswersAgain() {
    UUID running = server.add(SessionStatus.RUNNING, 20, 100 * MIB);
    model.start();
    threading.runAll();
    ServerUnreachableException gone = unreachable();
    server.statsFailures.put(running, gone);

    model.sample();
    threading.runAll();
    model.sample();
    model.sample();
    threading.runAll();

    assertThat(lost).containsExactly(gone);
    assertThat(server.statsCalls).as("no rounds while the banner waits").isEqualTo(1);
    assertThat(model.history()).isEmpty();

    server.statsFailures.clear();
    model.reconnected();
    threading.runAll();
    model.sample();
    threading.runAll();

    assertThat(model.history()).hasSize(1);
  }

  @Test
  void theEngineIsDescribedFromTheServersHealth() {
    server.health = FakeDashboardServer.health("podman", "4.3.1", true, false);
    model.start();
    threading.runAll();

    assertThat(model.engineTitleProperty().get()).isEqualTo("Podman 4.3.1 (rootless)");
    assertThat(model.rootlessTextProperty().get()).isEqualTo("Rootless");
    assertThat(model.imageTextProperty().get()).isEqualTo("Session image missing");
    assertThat(model.engineProblemProperty().get()).isEqualTo("opencode-dev:latest is missing");
  }

  @Test
  void theEngineIsAskedAgainEveryFewRoundsNotEveryRound() {
    model.start();
    threading.runAll();
    server.health = FakeDashboardServer.health("docker", "27.1.0", false, true);

    for (int i = 0; i < DashboardViewModel.ROUNDS_PER_HEALTH - 1; i++) {
      model.sample();
      threading.runAll();
    }
    assertThat(server.healthCalls).isEqualTo(1);
    assertThat(model.engineTitleProperty().get()).isEqualTo("Docker 20.10.24");

    model.sample();
    threading.runAll();

    assertThat(server.healthCalls).isEqualTo(2);
    assertThat(model.engineTitleProperty().get()).isEqualTo("Docker 27.1.0");
  }

  @Test
  void anInterruptedEventStreamIsSaidAndItsResumptionBringsAFreshList() {
    model.start();
    threading.runAll();
    server.add(SessionStatus.RUNNING, 1, MIB);

    model.eventsInterrupted("Live updates were interrupted (stream reset) Reconnecting…");

    assertThat(model.noticeProperty().get()).startsWith("Live updates were interrupted");
    model.eventsResumed();
    threading.runAll();

    assertThat(model.countProperty(SessionStatus.RUNNING).get()).isEqualTo(1);
    assertThat(model.noticeProperty().get()).isEmpty();
    assertThat(lost).isEmpty();
  }

  @Test
  void closingStopsSampling() {
    server.add(SessionStatus.RUNNING, 1, MIB);
    model.start();
    threading.runAll();

    model.close();
    model.sample();
    threading.runAll();

    assertThat(server.statsCalls).isZero();
  }

  /** What the real client throws when nothing listens at the server's address. */
  private static ServerUnreachableException unreachable() {
    try {
      WorkspaceClient.forServer(URI.create("http://127.0.0.1:9")).health();
    } catch (ServerUnreachableException e) {
      return e;
    }
    throw new AssertionError("something answered on port 9");
  }
}
