package io.workspacebackend.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.testing.Accounts;
import java.time.Duration;
import java.util.Map;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A real session container made through the API for proxy tests; deleted on close. */
public final class LiveSession implements AutoCloseable {
  private final WebTestClient api;
  final Session session;

  private LiveSession(WebTestClient api, Session session) {
    this.api = api;
    this.session = session;
  }

  /** {@code POST /api/sessions}: returns at once, the session still pending or starting. */
  public static LiveSession create(Accounts accounts, String token) {
    return create(accounts, token, Map.of());
  }

  /** The same, with the given request body ({@code image}, {@code env}…). */
  public static LiveSession create(Accounts accounts, String token, Map<String, ?> request) {
    WebTestClient api = accounts.as(token);
    Session created =
        api.post()
            .uri("/api/sessions")
            .bodyValue(request)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Session.class)
            .returnResult()
            .getResponseBody();
    assertThat(created).isNotNull();
    return new LiveSession(api, created);
  }

  public String id() {
    return session.id().toString();
  }

  /** Polls the session until it is running; fails if it fails or takes longer than 120 s. */
  public void awaitRunning() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      Session now =
          api.get()
              .uri("/api/sessions/" + id())
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody(Session.class)
              .returnResult()
              .getResponseBody();
      assertThat(now).isNotNull();
      if (now.status() == SessionStatus.RUNNING) {
        return;
      }
      assertThat(now.status())
          .as("session %s: %s", id(), now.errorMessage())
          .isIn(SessionStatus.PENDING, SessionStatus.STARTING);
      Thread.sleep(250);
    }
    throw new AssertionError("session " + id() + " did not become running within 120 s");
  }

  /** The session as created. */
  public Session session() {
    return session;
  }

  @Override
  public void close() {
    api.mutate()
        .responseTimeout(Duration.ofSeconds(60))
        .build()
        .delete()
        .uri("/api/sessions/" + id())
        .exchange()
        .expectStatus()
        .isNoContent();
  }
}
