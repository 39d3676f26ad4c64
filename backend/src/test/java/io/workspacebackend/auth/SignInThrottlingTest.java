package io.workspacebackend.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.auth.LoginRequest;
import io.workspacebackend.model.auth.RegisterRequest;
import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** A short window (config auth.*) so the test sees a whole throttling cycle in seconds. */
class SignInThrottlingTest {
  private static final int MAX_FAILURES = 3;

  @RegisterExtension
  static RunningBackend backend =
      new RunningBackend()
          .with("auth.max_failed_logins", Integer.toString(MAX_FAILURES))
          .with("auth.failed_login_window", "2s")
          .with("auth.failed_login_delay", "100ms");

  private final Accounts accounts = new Accounts(backend);

  @Test
  void afterTooManyFailuresLoginGets429WithRetryAfterAndWorksAgainAfterTheWindow()
      throws InterruptedException {
    SignedIn user = accounts.register(Role.USER);
    String username = user.user().username();

    long started = System.nanoTime();
    for (int i = 0; i < MAX_FAILURES; i++) {
      login(username, "wrong password").expectStatus().isUnauthorized();
    }
    Duration slowedBy = Duration.ofNanos(System.nanoTime() - started);
    // The 2nd and 3rd attempts waited 100 ms and 200 ms.
    assertThat(slowedBy).isGreaterThanOrEqualTo(Duration.ofMillis(300));

    String retryAfter =
        login(username, Accounts.PASSWORD)
            .expectStatus()
            .isEqualTo(429)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst(HttpHeaders.RETRY_AFTER);
    assertThat(Integer.parseInt(retryAfter)).isBetween(1, 2);

    Thread.sleep(Duration.ofSeconds(Integer.parseInt(retryAfter)).plusMillis(100).toMillis());

    login(username, Accounts.PASSWORD).expectStatus().isOk();
  }

  @Test
  void failedRegistrationsCountAgainstTheAddressToo() throws InterruptedException {
    // Let failures of the other test leave the window first.
    Thread.sleep(2100);
    for (int i = 0; i < MAX_FAILURES; i++) {
      register("ABCD-EFGH-JKMN-PQRS").expectStatus().isBadRequest();
    }

    register(accounts.inviteCode(Role.USER, 1))
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .exists(HttpHeaders.RETRY_AFTER);

    Thread.sleep(2100);
    register(accounts.inviteCode(Role.USER, 1)).expectStatus().isCreated();
  }

  private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec login(
      String username, String password) {
    return backend
        .client()
        .post()
        .uri("/api/auth/login")
        .bodyValue(new LoginRequest(username, password))
        .exchange();
  }

  private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec register(
      String code) {
    return backend
        .client()
        .post()
        .uri("/api/auth/register")
        .bodyValue(new RegisterRequest(code, Accounts.uniqueName("eager"), Accounts.PASSWORD))
        .exchange();
  }
}
