package io.workspacebackend.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.auth.LoginRequest;
import io.workspacebackend.model.auth.RegisterRequest;
import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.model.user.User;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

class SignInFlowTest {
  @RegisterExtension
  static RunningBackend backend =
      new RunningBackend()
          .with("auth.max_failed_logins", "1000")
          .with("auth.failed_login_delay", "0s");

  private final Accounts accounts = new Accounts(backend);

  @Test
  void registerLoginMeLogoutRoundTripEndsWithTheTokenRevoked() {
    String username = Accounts.uniqueName("round");
    EntityExchangeResult<SignedIn> registered =
        backend
            .client()
            .post()
            .uri("/api/auth/register")
            .bodyValue(
                new RegisterRequest(accounts.inviteCode(Role.USER, 1), username, "s3cret-pass"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(SignedIn.class)
            .returnResult();
    SignedIn registration = registered.getResponseBody();
    assertThat(registration.user().username()).isEqualTo(username);
    assertThat(registration.user().role()).isEqualTo(Role.USER);
    assertThat(registration.user().disabled()).isFalse();
    assertThat(registration.expiresAt())
        .isBetween(
            Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
    assertSessionCookie(registered.getResponseHeaders(), registration.token());

    EntityExchangeResult<SignedIn> loggedIn =
        backend
            .client()
            .post()
            .uri("/api/auth/login")
            .bodyValue(new LoginRequest(username, "s3cret-pass"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(SignedIn.class)
            .returnResult();
    String token = loggedIn.getResponseBody().token();
    assertSessionCookie(loggedIn.getResponseHeaders(), token);
    assertThat(token).isNotEqualTo(registration.token());

    User me =
        accounts
            .as(token)
            .get()
            .uri("/api/auth/me")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(User.class)
            .returnResult()
            .getResponseBody();
    assertThat(me).isEqualTo(registration.user());
    backend
        .client()
        .get()
        .uri("/api/auth/me")
        .cookie("workspace_token", token)
        .exchange()
        .expectStatus()
        .isOk();

    HttpHeaders logout =
        accounts
            .as(token)
            .post()
            .uri("/api/auth/logout")
            .exchange()
            .expectStatus()
            .isNoContent()
            .expectBody()
            .returnResult()
            .getResponseHeaders();
    ResponseCookie cleared = cookie(logout);
    assertThat(cleared.getValue()).isEmpty();
    assertThat(cleared.getMaxAge()).isZero();
    assertThat(cleared.getPath()).isEqualTo("/");

    accounts
        .as(token)
        .get()
        .uri("/api/auth/me")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    accounts.as(registration.token()).get().uri("/api/auth/me").exchange().expectStatus().isOk();
  }

  @Test
  void theUserJsonIsSnakeCaseWithAnRfc3339TimestampAndNoPasswordHash() {
    SignedIn user = accounts.register(Role.USER);

    accounts
        .as(user.token())
        .get()
        .uri("/api/auth/me")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.id")
        .isEqualTo(user.user().id().toString())
        .jsonPath("$.role")
        .isEqualTo("user")
        .jsonPath("$.disabled")
        .isEqualTo(false)
        .jsonPath("$.created_at")
        .value(
            createdAt ->
                assertThat((String) createdAt)
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))
        .jsonPath("$.password_hash")
        .doesNotExist()
        .jsonPath("$.passwordHash")
        .doesNotExist();
  }

  @Test
  void anAdminInviteMakesAnAdmin() {
    SignedIn admin = accounts.register(Role.ADMIN);

    assertThat(admin.user().role()).isEqualTo(Role.ADMIN);
    accounts.as(admin.token()).get().uri("/api/users").exchange().expectStatus().isOk();
  }

  @Test
  void wrongPasswordAndUnknownUserGetTheSame401() {
    SignedIn user = accounts.register(Role.USER);

    byte[] wrongPassword = failedLogin(user.user().username(), "not the password");
    byte[] unknownUser = failedLogin(Accounts.uniqueName("nobody"), "not the password");

    assertThat(new String(wrongPassword, java.nio.charset.StandardCharsets.UTF_8))
        .contains("wrong username or password");
    assertThat(unknownUser).isEqualTo(wrongPassword);
  }

  @Test
  void aDisabledUserCannotLogIn() {
    SignedIn admin = accounts.register(Role.ADMIN);
    SignedIn user = accounts.register(Role.USER);
    accounts
        .as(admin.token())
        .patch()
        .uri("/api/users/{id}", user.user().id())
        .bodyValue(java.util.Map.of("disabled", true))
        .exchange()
        .expectStatus()
        .isOk();

    byte[] disabled = failedLogin(user.user().username(), Accounts.PASSWORD);

    assertThat(new String(disabled, java.nio.charset.StandardCharsets.UTF_8))
        .contains("wrong username or password");
  }

  @Test
  void aStaleCookieDoesNotGetInTheWayOfLoggingIn() {
    SignedIn user = accounts.register(Role.USER);

    backend
        .client()
        .post()
        .uri("/api/auth/login")
        .cookie("workspace_token", "stale.garbage.token")
        .bodyValue(new LoginRequest(user.user().username(), Accounts.PASSWORD))
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void aQueryTokenCountsOnlyOnWebSocketUpgradesAndTerminalPages() {
    SignedIn user = accounts.register(Role.USER);

    backend
        .client()
        .get()
        .uri("/api/auth/me?token={token}", user.token())
        .exchange()
        .expectStatus()
        .isUnauthorized();
    // Upgrade headers on a route that has no WebSocket change nothing.
    backend
        .client()
        .get()
        .uri("/api/auth/me?token={token}", user.token())
        .header(HttpHeaders.UPGRADE, "websocket")
        .exchange()
        .expectStatus()
        .isUnauthorized();
    // Signed in, so past 401: the session is unknown.
    backend
        .client()
        .get()
        .uri("/sessions/{id}/terminal/?token={token}", UUID.randomUUID(), user.token())
        .exchange()
        .expectStatus()
        .isNotFound();
    backend
        .client()
        .get()
        .uri("/sessions/{id}/terminal?token={token}", UUID.randomUUID(), user.token())
        .header(HttpHeaders.UPGRADE, "websocket")
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void aHeaderTokenAndAQueryTokenTogetherAreRefused() {
    SignedIn user = accounts.register(Role.USER);

    accounts
        .as(user.token())
        .get()
        .uri("/sessions/{id}/terminal?token={token}", UUID.randomUUID(), user.token())
        .header(HttpHeaders.UPGRADE, "websocket")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
  }

  @Test
  void theHeaderTokenOutranksTheCookie() {
    SignedIn admin = accounts.register(Role.ADMIN);
    SignedIn user = accounts.register(Role.USER);

    accounts
        .as(admin.token())
        .get()
        .uri("/api/auth/me")
        .cookie("workspace_token", user.token())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(User.class)
        .isEqualTo(admin.user());
  }

  @Test
  void unknownFieldsAreIgnored() {
    SignedIn user = accounts.register(Role.USER);

    backend
        .client()
        .post()
        .uri("/api/auth/login")
        .bodyValue(
            java.util.Map.of(
                "username", user.user().username(), "password", Accounts.PASSWORD, "remember", 1))
        .exchange()
        .expectStatus()
        .isOk();
  }

  private byte[] failedLogin(String username, String password) {
    return backend
        .client()
        .post()
        .uri("/api/auth/login")
        .bodyValue(new LoginRequest(username, password))
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType("application/problem+json")
        .expectBody()
        .returnResult()
        .getResponseBody();
  }

  private static void assertSessionCookie(HttpHeaders headers, String token) {
    ResponseCookie cookie = cookie(headers);
    assertThat(cookie.getValue()).isEqualTo(token);
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo("Strict");
    assertThat(cookie.getPath()).isEqualTo("/");
    assertThat(cookie.getMaxAge()).isEqualTo(Duration.ofHours(24));
    // Plain HTTP here: Secure would make the browser drop it.
    assertThat(cookie.isSecure()).isFalse();
  }

  private static ResponseCookie cookie(HttpHeaders headers) {
    List<String> setCookies = headers.get(HttpHeaders.SET_COOKIE);
    assertThat(setCookies).hasSize(1);
    return SetCookies.parse(setCookies.get(0));
  }
}
