package io.workspacebackend.session;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks a running session's opencode whether its agent is working: {@code GET /session/status},
 * straight to the container's port with the session's secret (not through the proxies, so the
 * question is no activity itself). The session's user controls what answers in its container, so
 * the answer is read with a bound and a timeout: a user can keep their own session from being
 * stopped (as they could by using it), never harm the server or another session.
 */
@Component
class AgentStatus {
  private static final Logger log = LoggerFactory.getLogger(AgentStatus.class);
  private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(5);
  private static final int ASKED_AT_ONCE = 8;

  /** Far more than a status of many conversations needs (each is about 40 bytes). */
  static final int MAX_STATUS_BYTES = 64 * 1024;

  private final JsonMapper json;
  private final HttpClient http =
      HttpClient.create(ConnectionProvider.create("agent-status", ASKED_AT_ONCE))
          .responseTimeout(STATUS_TIMEOUT);

  AgentStatus(JsonMapper json) {
    this.json = json;
  }

  /**
   * Whether opencode says one of its sessions is working ({@code busy}, or {@code retry} while it
   * waits to try its model again). An opencode that does not answer is not working.
   */
  Mono<Boolean> busy(SessionRow row) {
    return http.headers(
            headers ->
                headers.set(
                    HttpHeaderNames.AUTHORIZATION,
                    ServiceCredentials.opencode(row.serviceSecret())))
        .get()
        .uri("http://127.0.0.1:" + row.opencodePort() + "/session/status")
        .response(
            (response, body) ->
                response.status().code() == 200
                    ? bounded(body.asByteArray())
                    : Mono.<String>empty())
        .next()
        .map(this::anyWorking)
        .timeout(STATUS_TIMEOUT)
        .onErrorResume(
            error -> {
              log.debug("asking session {}'s agent failed: {}", row.id(), error.getMessage());
              return Mono.just(false);
            })
        .defaultIfEmpty(false);
  }

  /**
   * The answer as text, read no further than {@link #MAX_STATUS_BYTES}: the container is the
   * session user's, who may answer this request with a process of their own; a longer answer is an
   * error (not busy), and its connection is closed.
   */
  private static Mono<String> bounded(Flux<byte[]> body) {
    return body.reduceWith(
            ByteArrayOutputStream::new,
            (read, chunk) -> {
              if (read.size() + chunk.length > MAX_STATUS_BYTES) {
                throw new IllegalStateException(
                    "opencode's status is longer than " + MAX_STATUS_BYTES + " bytes");
              }
              read.write(chunk, 0, chunk.length);
              return read;
            })
        .map(read -> read.toString(StandardCharsets.UTF_8));
  }

  /** {@code {"<session id>": {"type": "busy" | "retry" | "idle", …}, …}}. */
  boolean anyWorking(String status) {
    for (JsonNode conversation : json.readTree(status)) {
      String type = conversation.path("type").asString("");
      if (!type.isEmpty() && !type.equals("idle")) {
        return true;
      }
    }
    return false;
  }
}
