package io.workspacebackend.session;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.workspacebackend.container.ContainerRuntime;
import io.workspacebackend.model.session.SessionPorts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Decides when a session is {@code running}: all three services answer their health URL with the
 * session's secret. Polls until then; fails fast if the container stops, and after the start-up
 * timeout with a message naming the ports that did not answer.
 */
@Component
class ServiceReadiness {
  private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  private final HttpClient http =
      HttpClient.create().responseTimeout(PROBE_TIMEOUT).followRedirect(false);

  /** Container exited while we waited: carries its exit code. */
  static final class ContainerExitedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int exitCode;
    final boolean oomKilled;

    ContainerExitedException(int exitCode, boolean oomKilled) {
      super(
          oomKilled
              ? "the container was killed: out of memory"
              : "the container exited with code " + exitCode + " while starting");
      this.exitCode = exitCode;
      this.oomKilled = oomKilled;
    }
  }

  /**
   * Completes when every service answers; errors if the container dies, time runs out, or {@code
   * stillWanted} errors (checked every round).
   */
  Mono<Void> await(
      ContainerRuntime runtime,
      String containerId,
      SessionPorts ports,
      String secret,
      Duration timeout,
      Mono<Void> stillWanted) {
    Mono<Void> round =
        stillWanted
            .then(unready(ports, secret))
            .flatMap(
                missing ->
                    runtime
                        .inspect(containerId)
                        .flatMap(
                            state -> {
                              if (state.isEmpty() || !state.get().running()) {
                                return Mono.<String>error(
                                    new ContainerExitedException(
                                        state.map(s -> s.exitCode()).orElse(-1),
                                        state.map(s -> s.oomKilled()).orElse(false)));
                              }
                              return Mono.just(missing);
                            }))
            .flatMap(missing -> Mono.<Void>error(new NotYetException(missing)));
    return round
        .retryWhen(
            reactor.util.retry.Retry.fixedDelay(Long.MAX_VALUE, POLL_INTERVAL)
                .filter(NotYetException.class::isInstance))
        .timeout(timeout)
        .onErrorMap(
            TimeoutException.class,
            e ->
                new IllegalStateException(
                    "services did not answer within "
                        + timeout.toSeconds()
                        + " s (opencode 127.0.0.1:"
                        + ports.opencode()
                        + ", files 127.0.0.1:"
                        + ports.fileserver()
                        + ", terminal 127.0.0.1:"
                        + ports.ttyd()
                        + ")"));
  }

  /** Emits the names of services that do not answer yet, or completes empty when all do. */
  Mono<String> unready(SessionPorts ports, String secret) {
    return Flux.concat(
            probe("opencode", ports.opencode(), "/global/health", basic("opencode", secret)),
            probe("files", ports.fileserver(), "/tree?path=.&depth=0", "Bearer " + secret),
            probe("terminal", ports.ttyd(), "/", basic("dev", secret)))
        .collectList()
        .flatMap(
            missing -> missing.isEmpty() ? Mono.empty() : Mono.just(String.join(", ", missing)));
  }

  private Mono<String> probe(String service, int port, String path, String authorization) {
    return http.headers(headers -> headers.set(HttpHeaderNames.AUTHORIZATION, authorization))
        .get()
        .uri("http://127.0.0.1:" + port + path)
        .response((response, body) -> body.then(Mono.just(response.status().code())))
        .next()
        .onErrorReturn(-1)
        .flatMap(status -> status == 200 ? Mono.<String>empty() : Mono.just(service));
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static final class NotYetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotYetException(String missing) {
      super(missing + " not answering yet", null, false, false);
    }
  }
}
