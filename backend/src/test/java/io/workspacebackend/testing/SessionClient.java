package io.workspacebackend.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.workspacebackend.container.DockerClients;
import io.workspacebackend.model.session.CreateSessionRequest;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.test.web.reactive.server.WebTestClient;

/** One user's view of the sessions API, plus the Docker side a test checks against. */
public final class SessionClient {
  private final WebTestClient client;

  public SessionClient(WebTestClient client) {
    this.client = client;
  }

  public Session create(String name) {
    return create(new CreateSessionRequest(name, null, null, Map.of()));
  }

  public Session create(CreateSessionRequest request) {
    Session session =
        client
            .post()
            .uri("/api/sessions")
            .bodyValue(request)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Session.class)
            .returnResult()
            .getResponseBody();
    assertThat(session).isNotNull();
    return session;
  }

  public Session get(UUID id) {
    return client
        .get()
        .uri("/api/sessions/" + id)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Session.class)
        .returnResult()
        .getResponseBody();
  }

  /** {@code GET /api/sessions}: this user's sessions. */
  public List<Session> list() {
    return list("/api/sessions");
  }

  /** {@code GET /api/sessions?all=true}: everyone's sessions, for an admin. */
  public List<Session> listAll() {
    return list("/api/sessions?all=true");
  }

  private List<Session> list(String uri) {
    return client
        .get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBodyList(Session.class)
        .returnResult()
        .getResponseBody();
  }

  /** Polls until the session reaches {@code status}; fails at once if it fails instead. */
  public Session await(UUID id, SessionStatus status, Duration timeout) {
    Session[] latest = new Session[1];
    Awaitility.await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              latest[0] = get(id);
              if (status != SessionStatus.FAILED && latest[0].status() == SessionStatus.FAILED) {
                throw new AssertionError(
                    "session failed: "
                        + latest[0].errorMessage()
                        + "; its container said:\n"
                        + logs(id));
              }
              return latest[0].status() == status;
            });
    return latest[0];
  }

  /** The container's last lines, as the API gives them (for a failure's message). */
  public String logs(UUID id) {
    return client
        .get()
        .uri("/api/sessions/" + id + "/logs?tail=40")
        .exchange()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  /** {@code POST /api/sessions/{id}/stop}: 202 with the session as it is now. */
  public Session stop(UUID id) {
    return accepted("/api/sessions/" + id + "/stop");
  }

  /** {@code POST /api/sessions/{id}/start}: 202 with the session as it is now. */
  public Session start(UUID id) {
    return accepted("/api/sessions/" + id + "/start");
  }

  private Session accepted(String uri) {
    Session session =
        client
            .post()
            .uri(uri)
            .exchange()
            .expectStatus()
            .isAccepted()
            .expectBody(Session.class)
            .returnResult()
            .getResponseBody();
    assertThat(session).isNotNull();
    return session;
  }

  public void delete(UUID id) {
    client.delete().uri("/api/sessions/" + id).exchange().expectStatus().isNoContent();
  }

  public WebTestClient http() {
    return client;
  }

  /** The Docker engine the sessions run on, for checks from the outside. */
  public static DockerClient docker() {
    return DockerClients.forRequests(SessionImage.DOCKER);
  }

  /** The session's service secret, as the container got it. */
  public static String secretOf(DockerClient docker, Session session) {
    String[] env = docker.inspectContainerCmd(session.containerId()).exec().getConfig().getEnv();
    return Arrays.stream(env)
        .filter(variable -> variable.startsWith("SESSION_SECRET="))
        .map(variable -> variable.substring("SESSION_SECRET=".length()))
        .findFirst()
        .orElseThrow();
  }
}
