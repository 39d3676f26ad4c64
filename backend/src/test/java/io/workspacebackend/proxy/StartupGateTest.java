package io.workspacebackend.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.session.SessionPorts;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.session.ProxyTarget;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.ErrorResponse;
import reactor.test.StepVerifier;

class StartupGateTest {
  private static ProxyTarget target(SessionStatus status) {
    return new ProxyTarget("s1", "u1", status, new SessionPorts(1, 2, 3), "secret");
  }

  private static Upstream upstream(SessionStatus status) {
    return Upstream.of(target(status), ProxiedService.FILES, Mount.PATH_ROUTE);
  }

  @Test
  void stoppingStoppedAndFailedSessionsAre409WithTheirStatus() {
    for (SessionStatus status :
        new SessionStatus[] {SessionStatus.STOPPING, SessionStatus.STOPPED, SessionStatus.FAILED}) {
      StepVerifier.create(StartupGate.admit(target(status)))
          .expectErrorSatisfies(
              error -> {
                ErrorResponse response = (ErrorResponse) error;
                assertThat(response.getStatusCode().value()).isEqualTo(409);
                // "status" is the problem's own HTTP code; a second one would shadow it.
                assertThat(response.getBody().getProperties())
                    .containsEntry("session_status", status.wireName())
                    .doesNotContainKey("status");
              })
          .verify();
    }
  }

  @Test
  void aServiceNotListeningYetIs503WhileStartingAnd502OnceRunning() {
    ConnectException refused = new ConnectException("Connection refused");
    for (SessionStatus status :
        new SessionStatus[] {SessionStatus.PENDING, SessionStatus.STARTING}) {
      ErrorResponse starting = (ErrorResponse) StartupGate.failure(upstream(status), refused);
      assertThat(starting.getStatusCode().value()).isEqualTo(503);
      assertThat(starting.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    }
    ErrorResponse running =
        (ErrorResponse) StartupGate.failure(upstream(SessionStatus.RUNNING), refused);
    assertThat(running.getStatusCode().value()).isEqualTo(502);
    ErrorResponse slow =
        (ErrorResponse)
            StartupGate.failure(upstream(SessionStatus.RUNNING), new TimeoutException("slow"));
    assertThat(slow.getStatusCode().value()).isEqualTo(504);
  }
}
