package io.workspacebackend.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code GET /api/health}: no auth; 503 while any part it checks is down. */
@RestController
class HealthController {
  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);

  private final List<HealthCheck> checks;

  HealthController(List<HealthCheck> checks) {
    this.checks = checks;
  }

  @GetMapping("/api/health")
  Mono<ResponseEntity<Map<String, Object>>> health() {
    return Flux.fromIterable(checks)
        .flatMapSequential(
            check ->
                check
                    .check()
                    .timeout(CHECK_TIMEOUT)
                    .onErrorResume(
                        TimeoutException.class,
                        e ->
                            Mono.just(
                                ComponentHealth.down(
                                    "no answer within " + CHECK_TIMEOUT.toSeconds() + " s")))
                    .map(health -> Map.entry(check.name(), health)))
        .collectList()
        .map(HealthController::report);
  }

  private static ResponseEntity<Map<String, Object>> report(
      List<Map.Entry<String, ComponentHealth>> results) {
    boolean allUp = results.stream().allMatch(entry -> "up".equals(entry.getValue().status()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", allUp ? "ok" : "unavailable");
    results.forEach(entry -> body.put(entry.getKey(), entry.getValue()));
    return ResponseEntity.status(allUp ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
  }
}
