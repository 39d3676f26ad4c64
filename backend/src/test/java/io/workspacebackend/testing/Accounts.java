package io.workspacebackend.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.db.JdbcAccess;
import io.workspacebackend.invite.InviteCodes;
import io.workspacebackend.invite.NewInvites;
import io.workspacebackend.model.auth.LoginRequest;
import io.workspacebackend.model.auth.RegisterRequest;
import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.user.QuotaOverrides;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.model.user.User;
import io.workspacebackend.model.user.UserChange;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Users for tests against a {@link RunningBackend}: invite codes made on its database (as the CLI
 * makes them), then registration and login through the real API.
 */
public final class Accounts {
  public static final String PASSWORD = "correct horse battery";
  private static final AtomicInteger NAMES = new AtomicInteger();

  private final RunningBackend backend;

  public Accounts(RunningBackend backend) {
    this.backend = backend;
  }

  /** A fresh username, unique within the test run. */
  public static String uniqueName(String prefix) {
    return prefix + "-" + NAMES.incrementAndGet();
  }

  /** The backend's database, opened directly (as the CLI opens it). */
  public JdbcAccess database() {
    return JdbcAccess.direct(backend.config().paths().dataDir());
  }

  public InviteCodes inviteCodes() {
    return new InviteCodes(database(), Clock.systemUTC());
  }

  public String inviteCode(Role role, int uses) {
    return inviteCodes()
        .generate(
            new NewInvites(1, uses, Optional.empty(), role, Optional.empty(), Optional.empty()))
        .get(0)
        .code();
  }

  /** Registers a new user with the given role and returns the answer (token included). */
  public SignedIn register(Role role) {
    return register(inviteCode(role, 1), uniqueName(role.wireName()), PASSWORD);
  }

  public SignedIn register(String inviteCode, String username, String password) {
    SignedIn signedIn =
        backend
            .client()
            .post()
            .uri("/api/auth/register")
            .bodyValue(new RegisterRequest(inviteCode, username, password))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(SignedIn.class)
            .returnResult()
            .getResponseBody();
    assertThat(signedIn).isNotNull();
    return signedIn;
  }

  public SignedIn login(String username, String password) {
    SignedIn signedIn =
        backend
            .client()
            .post()
            .uri("/api/auth/login")
            .bodyValue(new LoginRequest(username, password))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(SignedIn.class)
            .returnResult()
            .getResponseBody();
    assertThat(signedIn).isNotNull();
    return signedIn;
  }

  /** A client that sends {@code token} as a Bearer header on every request. */
  public WebTestClient as(String token) {
    return backend
        .client()
        .mutate()
        .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .build();
  }

  /** {@code PATCH /api/users/{id}} as {@code token}, which must succeed: the changed user. */
  public User changeUser(String token, UUID id, UserChange change) {
    return as(token)
        .patch()
        .uri("/api/users/{id}", id)
        .bodyValue(change)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(User.class)
        .returnResult()
        .getResponseBody();
  }

  /** {@code PUT /api/users/{id}/quota} as {@code token}, which must succeed: the changed user. */
  public User setQuota(String token, UUID id, QuotaOverrides quota) {
    return as(token)
        .put()
        .uri("/api/users/{id}/quota", id)
        .bodyValue(quota)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(User.class)
        .returnResult()
        .getResponseBody();
  }

  /** {@code GET /api/users} as {@code token}, which must succeed. */
  public List<User> users(String token) {
    return as(token)
        .get()
        .uri("/api/users")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBodyList(User.class)
        .returnResult()
        .getResponseBody();
  }
}
