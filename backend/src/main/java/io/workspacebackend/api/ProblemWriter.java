package io.workspacebackend.api;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem straight to a response. Used where no controller runs: the error
 * handler and Spring Security's 401/403, so every error looks the same to a client.
 */
@Component
public class ProblemWriter {
  private final JsonMapper jsonMapper;

  public ProblemWriter(JsonMapper jsonMapper) {
    this.jsonMapper = jsonMapper;
  }

  /** Sets status and content type and writes {@code problem} as the body. */
  public Mono<Void> write(ServerHttpResponse response, ProblemDetail problem) {
    response.setRawStatusCode(problem.getStatus());
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
    byte[] body = jsonMapper.writeValueAsBytes(problem);
    DataBuffer buffer = response.bufferFactory().wrap(body);
    return response.writeWith(Mono.just(buffer));
  }
}
