package io.workspacebackend.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.workspacebackend.model.session.CreateSessionRequest;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.proxy.TtydClient;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.BusyAgent;
import io.workspacebackend.testing.FollowedStream;
import io.workspacebackend.testing.RunningBackend;
import io.workspacebackend.testing.SessionClient;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The idle culler against the real opencode, ttyd and file server in real sessions: work keeps a
 * session running (its agent busy with a slow fake model, terminal output); an open but idle event
 * stream or terminal does not, and an idle session is stopped, never deleted, saying why. Each
 * "keeps running" is asserted over more than two idle timeouts.
 */
@Timeout(600)
class IdleSessionsTest {
  private static final Duration IDLE = Duration.ofSeconds(8);
  private static final Duration STARTUP = Duration.ofMinutes(3);

  /** Well past the idle timeout and its sweep, so a wrongly idle session would be stopped. */
  private static final Duration LONGER_THAN_IDLE = IDLE.multipliedBy(5).dividedBy(2);

  /** An idle session is stopped within the timeout and one sweep; generous on a loaded machine. */
  private static final Duration STOPS_WITHIN = Duration.ofMinutes(1);

  @RegisterExtension
  static RunningBackend backend =
      new RunningBackend()
          .with("sessions.startup_timeout", "180s")
          .with("sessions.idle_timeout", IDLE.toSeconds() + "s");

  @Test
  void aBusyAgentKeepsItsSessionRunningAndItIsStoppedOnceIdle() {
    Accounts accounts = new Accounts(backend);
    SessionClient owner = new SessionClient(accounts.as(accounts.register(Role.USER).token()));
    Session session =
        owner.await(
            owner
                .create(new CreateSessionRequest("agent", null, null, BusyAgent.sessionEnv()))
                .id(),
            SessionStatus.RUNNING,
            STARTUP);
    // One turn far longer than the test: it ends when released.
    BusyAgent agent = BusyAgent.start("docker", session, owner.http(), Duration.ofMinutes(10));
    try {
      agent.prompt("work alone for a while");
      await().atMost(Duration.ofSeconds(60)).until(() -> agent.streaming() == 1);

      // Nothing goes through the proxy now: only the agent's own work keeps the session alive.
      await()
          .during(LONGER_THAN_IDLE)
          .atMost(LONGER_THAN_IDLE.plusMinutes(1))
          .until(
              () ->
                  owner.get(session.id()).status() == SessionStatus.RUNNING
                      && agent.streaming() == 1);

      agent.release();
      Session stopped = owner.await(session.id(), SessionStatus.STOPPED, STOPS_WITHIN);
      assertThat(stopped.stopReason()).isEqualTo("idle for 8s");
      assertThat(owner.list()).extracting(Session::id).contains(session.id());
    } finally {
      owner.delete(session.id());
    }
  }

  @Test
  void anOpenButIdleEventStreamDoesNotKeepASessionRunning() throws Exception {
    Accounts accounts = new Accounts(backend);
    String token = accounts.register(Role.USER).token();
    SessionClient owner = new SessionClient(accounts.as(token));
    Session session = owner.await(owner.create("tab").id(), SessionStatus.RUNNING, STARTUP);
    URI events =
        URI.create(
            "http://127.0.0.1:"
                + backend.server().port()
                + "/sessions/"
                + session.id()
                + "/opencode/global/event");
    try (FollowedStream stream = FollowedStream.open(events, token)) {
      assertThat(stream.status(Duration.ofSeconds(30))).isEqualTo(200);
      stream.awaitLine("server.connected", Duration.ofSeconds(30));

      owner.await(session.id(), SessionStatus.STOPPED, STOPS_WITHIN);
      stream.awaitEnd(Duration.ofSeconds(30));
    } finally {
      owner.delete(session.id());
    }
  }

  @Test
  void terminalOutputKeepsASessionRunningAndAnIdleTerminalDoesNot() throws Exception {
    Accounts accounts = new Accounts(backend);
    String token = accounts.register(Role.USER).token();
    SessionClient owner = new SessionClient(accounts.as(token));
    Session session = owner.await(owner.create("shell").id(), SessionStatus.RUNNING, STARTUP);
    URI terminal =
        URI.create(
            "ws://127.0.0.1:"
                + backend.server().port()
                + "/sessions/"
                + session.id()
                + "/terminal");
    try (TtydClient shell = new TtydClient(terminal, Map.of("Authorization", "Bearer " + token))) {
      shell.init(80, 24);
      shell.type("while true; do echo tick-$((n+=1)); sleep 1; done\r");
      shell.awaitOutput("tick-3", 30);

      await()
          .during(LONGER_THAN_IDLE)
          .atMost(LONGER_THAN_IDLE.plusMinutes(1))
          .until(() -> owner.get(session.id()).status() == SessionStatus.RUNNING);

      shell.type("\u0003");
      Session stopped = owner.await(session.id(), SessionStatus.STOPPED, STOPS_WITHIN);
      assertThat(stopped.stopReason()).isEqualTo("idle for 8s");
    } finally {
      owner.delete(session.id());
    }
  }
}
