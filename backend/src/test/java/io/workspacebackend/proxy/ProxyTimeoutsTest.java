package io.workspacebackend.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.FollowedStream;
import io.workspacebackend.testing.RunningBackend;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * No proxied request hangs, against a real session whose services are frozen mid-flight (SIGSTOP:
 * the port still accepts, nothing answers): a request gets 504 once the response timeout passes,
 * and opencode's event stream lives past the response timeout on its heartbeats but ends once it is
 * silent for the stream idle timeout.
 */
@Timeout(300)
class ProxyTimeoutsTest {
  private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(2);
  // Above opencode's 10 s heartbeat, so that only a frozen opencode falls silent this long.
  private static final Duration STREAM_IDLE_TIMEOUT = Duration.ofSeconds(15);

  @RegisterExtension
  static final RunningBackend backend =
      new RunningBackend()
          .with("sessions.startup_timeout", "180s")
          .with("sessions.response_timeout", RESPONSE_TIMEOUT.toMillis() + "ms")
          .with("sessions.stream_idle_timeout", STREAM_IDLE_TIMEOUT.toSeconds() + "s");

  private static Accounts accounts;
  private static SignedIn owner;
  private static LiveSession live;
  private static String containerId;

  @BeforeAll
  static void startSession() throws Exception {
    accounts = new Accounts(backend);
    owner = accounts.register(Role.USER);
    live = LiveSession.create(accounts, owner.token());
    live.awaitRunning();
    Session running =
        asOwner()
            .get()
            .uri("/api/sessions/" + live.id())
            .exchange()
            .expectBody(Session.class)
            .returnResult()
            .getResponseBody();
    containerId = running.containerId();
  }

  @AfterAll
  static void deleteSession() {
    if (live != null) {
      live.close();
    }
  }

  @Test
  void aServiceThatAcceptsButNeverAnswersGets504AndTheProxyRecoversWithIt() throws Exception {
    signal("STOP", "io.workspacebackend.fileserver.FileServer");
    try {
      asOwner()
          .get()
          .uri("/sessions/" + live.id() + "/files/tree?path=.")
          .exchange()
          .expectStatus()
          .isEqualTo(504)
          .expectHeader()
          .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody(String.class)
          .value(problem -> assertThat(problem).contains("files service did not answer in time"));
    } finally {
      signal("CONT", "io.workspacebackend.fileserver.FileServer");
    }
    asOwner()
        .get()
        .uri("/sessions/" + live.id() + "/files/tree?path=.")
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void anEventStreamLivesOnHeartbeatsPastTheResponseTimeoutAndEndsWhenSilent() throws Exception {
    URI events =
        URI.create(
            "http://127.0.0.1:"
                + backend.server().port()
                + "/sessions/"
                + live.id()
                + "/opencode/event");
    try (FollowedStream stream = FollowedStream.open(events, owner.token())) {
      assertThat(stream.status(Duration.ofSeconds(30))).isEqualTo(200);
      stream.awaitLine("server.connected", Duration.ofSeconds(30));
      // opencode's heartbeat comes 10 s in, five response timeouts later: still open.
      stream.awaitLine("server.heartbeat", Duration.ofSeconds(60));
      assertThat(stream.hasEnded()).isFalse();

      signal("STOP", "opencode serve");
      try {
        stream.awaitEnd(STREAM_IDLE_TIMEOUT.plusSeconds(60));
      } finally {
        signal("CONT", "opencode serve");
      }
    }
  }

  private static WebTestClient asOwner() {
    return accounts.as(owner.token()).mutate().responseTimeout(Duration.ofSeconds(60)).build();
  }

  /** Sends SIGSTOP or SIGCONT to the session's service whose command line matches. */
  private static void signal(String signal, String commandLine) throws Exception {
    Process process =
        new ProcessBuilder(
                "docker",
                "exec",
                "-u",
                "1000",
                containerId,
                "pkill",
                "-" + signal,
                "-f",
                commandLine)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as("pkill -%s -f %s: %s", signal, commandLine, output).isZero();
  }
}
