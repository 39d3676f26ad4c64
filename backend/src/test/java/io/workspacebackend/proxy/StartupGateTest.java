package io.workspacebackend.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.timeout.ReadTimeoutException;
import io.workspacebackend.model.session.SessionPorts;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.session.ProxyTarget;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.ErrorResponse;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquirePendingLimitException;
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
  void httpIntoAStartingSessionIs503WithoutForwardingButTheTerminalMayWait() {
    for (SessionStatus status :
        new SessionStatus[] {SessionStatus.PENDING, SessionStatus.STARTING}) {
      StepVerifier.create(StartupGate.admitHttp(target(status)))
          .expectErrorSatisfies(
              error -> {
                ErrorResponse response = (ErrorResponse) error;
                assertThat(response.getStatusCode().value()).isEqualTo(503);
                assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
                assertThat(response.getBody().getProperties())
                    .containsEntry("session_status", status.wireName())
                    .doesNotContainKey("status");
              })
          .verify();
      StepVerifier.create(StartupGate.admit(target(status))).expectNextCount(1).verifyComplete();
    }
    StepVerifier.create(StartupGate.admitHttp(target(SessionStatus.RUNNING)))
        .expectNextCount(1)
        .verifyComplete();
  }

  @Test
  void aRunningServiceThatFailsIs502AndOneThatDoesNotAnswerInTimeIs504() {
    Upstream running = upstream(SessionStatus.RUNNING);
    assertThat(status(StartupGate.failure(running, new ConnectException("Connection refused"))))
        .isEqualTo(502);
    assertThat(status(StartupGate.failure(running, new TimeoutException("slow")))).isEqualTo(504);
    assertThat(status(StartupGate.failure(running, ReadTimeoutException.INSTANCE))).isEqualTo(504);
  }

  @Test
  void aFullQueueForUpstreamConnectionsIs503() {
    ErrorResponse busy =
        (ErrorResponse)
            StartupGate.failure(
                upstream(SessionStatus.RUNNING), new PoolAcquirePendingLimitException(8));
    assertThat(busy.getStatusCode().value()).isEqualTo(503);
    assertThat(busy.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
  }

  private static int status(Throwable error) {
    return ((ErrorResponse) error).getStatusCode().value();
  }
}
