package io.workspacebackend.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.session.CreateSessionRequest;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.BusyAgent;
import io.workspacebackend.testing.FollowedStream;
import io.workspacebackend.testing.RunningBackend;
import io.workspacebackend.testing.SessionClient;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The busy-agent fixture works end to end: the real opencode in a real session, using the fake
 * model inside the session's container, reports busy while the model streams and idle after it.
 */
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BusyAgentTest {
  @RegisterExtension
  static RunningBackend backend = new RunningBackend().with("sessions.startup_timeout", "180s");

  private static final Duration STARTUP = Duration.ofMinutes(3);
  private static final Duration TURN = Duration.ofSeconds(3);
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private String token;
  private SessionClient owner;
  private Session session;
  private BusyAgent agent;

  @BeforeAll
  void aSessionRunsTheFakeModel() {
    Accounts accounts = new Accounts(backend);
    token = accounts.register(Role.USER).token();
    owner = new SessionClient(accounts.as(token));
    Session created =
        owner.create(new CreateSessionRequest("busy-agent", null, null, BusyAgent.sessionEnv()));
    session = owner.await(created.id(), SessionStatus.RUNNING, STARTUP);
    agent = BusyAgent.start("docker", session, owner.http(), TURN);
  }

  @AfterAll
  void theSessionIsDeleted() {
    if (session != null) {
      owner.delete(session.id());
    }
  }

  @Test
  void openCodeIsBusyWhileTheFakeModelStreamsAndIdleOnceItHasFinished() throws Exception {
    try (FollowedStream events = FollowedStream.open(proxied("global/event"), token)) {
      events.awaitLine("\"type\":\"server.connected\"", PATIENCE);
      long sent = System.nanoTime();
      String conversation = agent.prompt("Keep busy for a while.");

      agent.awaitBusy(conversation, PATIENCE);
      events.awaitLine(statusEvent(conversation, "busy"), PATIENCE);
      // Sampled until opencode says idle: the model streams while it is busy, and has stopped by
      // the time it says idle (read after the status, so a stream ending in between counts).
      int busyWhileStreaming = 0;
      for (String status = agent.status(conversation);
          !status.equals("idle");
          status = agent.status(conversation)) {
        assertThat(status).isEqualTo("busy");
        if (agent.streaming() > 0) {
          busyWhileStreaming++;
        }
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(PATIENCE);
      }
      assertThat(agent.streaming()).as("streams in progress once idle").isZero();
      assertThat(busyWhileStreaming).as("samples busy while streaming").isPositive();
      assertThat(Duration.ofNanos(System.nanoTime() - sent))
          .as("time from the prompt to idle")
          .isGreaterThanOrEqualTo(TURN);
      assertThat(agent.log()).contains("streaming for " + TURN.toMillis() + " ms");
      events.awaitLine(statusEvent(conversation, "idle"), PATIENCE);
      events.awaitLine("\"type\":\"session.idle\".*\"" + conversation + "\"", PATIENCE);

      JsonNode answer = agent.messages(conversation).get(1);
      assertThat(answer.path("info").path("role").asString()).isEqualTo("assistant");
      assertThat(answer.path("info").path("finish").asString()).isEqualTo("stop");
      assertThat(answer.toString()).contains("tick 0 tick 1");
    }
  }

  @Test
  void aTurnLastsUntilTheTestReleasesTheFakeModel() throws Exception {
    try (FollowedStream events = FollowedStream.open(proxied("global/event"), token)) {
      events.awaitLine("\"type\":\"server.connected\"", PATIENCE);
      String conversation = agent.prompt("Stay busy until released. fake-model:duration=600000");
      agent.awaitBusy(conversation, PATIENCE);
      // Past the default turn's length (a token every 200 ms), and still going.
      events.awaitLine(
          "\"type\":\"message.part.delta\",\"properties\":\\{\"sessionID\":\""
              + conversation
              + "\".*\"delta\":\"tick 20 \"",
          PATIENCE);
      assertThat(agent.status(conversation)).isEqualTo("busy");
      assertThat(agent.streaming()).isPositive();

      agent.release();

      agent.awaitIdle(conversation, PATIENCE);
      assertThat(agent.log()).contains("streaming for 600000 ms");
    }
  }

  @AfterEach
  void nothingIsLeftStreaming() {
    agent.release();
  }

  private URI proxied(String path) {
    return URI.create("http://127.0.0.1:" + backend.server().port() + agent.opencode(path));
  }

  private static String statusEvent(String conversation, String type) {
    return "\"type\":\"session.status\",\"properties\":\\{\"sessionID\":\""
        + conversation
        + "\",\"status\":\\{\"type\":\""
        + type
        + "\"";
  }
}
