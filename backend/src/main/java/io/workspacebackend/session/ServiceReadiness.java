package io.workspacebackend.session;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.workspacebackend.container.ContainerRuntime;
import io.workspacebackend.model.session.SessionPorts;
import io.workspacebackend.model.session.StartupStep;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Decides when a session is {@code running}: all three services answer their health URL with the
 * session's secret. Each service is probed on its own, from the moment the container has started: a
 * first probe at once, the next 5 ms later, the gap doubling up to 100 ms, so a service is seen
 * within a few milliseconds of answering early and within 100 ms later on. Probes overlap: opencode
 * accepts connections before it can answer and leaves a request made in that moment unanswered, so
 * a probe that has not answered does not hold back the next; each gives up after {@link
 * #PROBE_TIMEOUT}. Fails fast if the container stops, and after the start-up timeout with a message
 * naming the services that did not answer.
 */
@Component
class ServiceReadiness {
  private static final Logger log = LoggerFactory.getLogger(ServiceReadiness.class);
  static final Duration FIRST_GAP = Duration.ofMillis(5);
  static final Duration LONGEST_GAP = Duration.ofMillis(100);
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  /**
   * How often the container is inspected while its services start. The engine's events announce a
   * death at once (see ContainerWatcher, which fails the session); this catches one the event
   * stream missed.
   */
  private static final Duration INSPECT_INTERVAL = Duration.ofSeconds(1);

  /** At most this many probes of one service open at once (2 s / 100 ms, and some to spare). */
  private static final int MAX_OPEN_PROBES = 32;

  // A new connection per probe: a probe left unanswered is closed when it gives up, never pooled.
  private final HttpClient http =
      HttpClient.create(ConnectionProvider.newConnection()).followRedirect(false);

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
   * Completes when every service answers; errors when time runs out or when {@code givenUp} errors
   * (the container stopped, see {@link #exited}, or the session is no longer wanted). {@code
   * givenUp} never completes by itself.
   */
  Mono<Void> await(
      SessionPorts ports,
      String secret,
      Duration timeout,
      Mono<Void> givenUp,
      Consumer<StartupStep> onReady) {
    List<Service> services =
        List.of(
            new Service(
                "opencode",
                StartupStep.OPENCODE_READY,
                ports.opencode(),
                "/global/health",
                ServiceCredentials.opencode(secret)),
            new Service(
                "files",
                StartupStep.FILES_READY,
                ports.fileserver(),
                "/tree?path=.&depth=0",
                ServiceCredentials.files(secret)),
            new Service(
                "terminal",
                StartupStep.TERMINAL_READY,
                ports.ttyd(),
                "/",
                ServiceCredentials.terminal(secret)));
    Mono<Void> answered =
        Mono.when(
            services.stream()
                .map(service -> answered(service).doOnSuccess(ok -> onReady.accept(service.ready)))
                .toList());
    return answered
        .or(givenUp)
        .timeout(timeout)
        .onErrorMap(
            TimeoutException.class,
            e ->
                new IllegalStateException(
                    "services did not answer within "
                        + timeout.toSeconds()
                        + " s ("
                        + services.stream()
                            .filter(service -> !service.answered.get())
                            .map(Service::describe)
                            .collect(Collectors.joining(", "))
                        + ")"));
  }

  /** Completes once the service has answered 200 to a probe. */
  private Mono<Void> answered(Service service) {
    return Mono.defer(
        () -> {
          long began = System.nanoTime();
          AtomicInteger probes = new AtomicInteger();
          return probeTimes()
              .flatMap(
                  tick -> probe(service).doOnSubscribe(s -> probes.incrementAndGet()),
                  MAX_OPEN_PROBES)
              .filter(Boolean::booleanValue)
              .next()
              .doOnNext(
                  ok -> {
                    service.answered.set(true);
                    log.debug(
                        "{} answered after {} ms, at probe {}",
                        service.describe(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began),
                        probes.get());
                  })
              .then();
        });
  }

  /** Ticks at 0, 5, 15, 35, 75, 155, 255, 355 … ms: gaps doubling from 5 ms up to 100 ms. */
  static Flux<Long> probeTimes() {
    return Flux.concat(
        Mono.just(0L),
        Flux.range(1, Integer.MAX_VALUE)
            .concatMap(round -> Mono.delay(gap(round)), 1)
            .map(tick -> 0L));
  }

  /** The wait before the {@code round}-th probe (counting from 1). */
  static Duration gap(int round) {
    int doublings = Math.min(round - 1, 16);
    Duration gap = FIRST_GAP.multipliedBy(1L << doublings);
    return gap.compareTo(LONGEST_GAP) > 0 ? LONGEST_GAP : gap;
  }

  /**
   * Errors with {@link ContainerExitedException} once the container is found not running; never
   * completes otherwise.
   */
  static Mono<Void> exited(ContainerRuntime runtime, String containerId) {
    return Flux.interval(INSPECT_INTERVAL)
        .onBackpressureDrop()
        .concatMap(tick -> runtime.inspect(containerId), 1)
        .filter(state -> state.isEmpty() || !state.get().running())
        .next()
        .flatMap(
            state ->
                Mono.<Void>error(
                    new ContainerExitedException(
                        state.map(s -> s.exitCode()).orElse(-1),
                        state.map(s -> s.oomKilled()).orElse(false))));
  }

  /** One probe: true if the service answered 200 within the probe timeout. */
  private Mono<Boolean> probe(Service service) {
    return http.headers(
            headers -> headers.set(HttpHeaderNames.AUTHORIZATION, service.authorization))
        .get()
        .uri("http://127.0.0.1:" + service.port + service.path)
        .response((response, body) -> body.then(Mono.just(response.status().code() == 200)))
        .next()
        .timeout(PROBE_TIMEOUT)
        .onErrorReturn(false);
  }

  /** A service to probe, and whether it has answered (for the time-out message). */
  private static final class Service {
    final String name;
    final StartupStep ready;
    final int port;
    final String path;
    final String authorization;
    final AtomicBoolean answered = new AtomicBoolean();

    Service(String name, StartupStep ready, int port, String path, String authorization) {
      this.name = name;
      this.ready = ready;
      this.port = port;
      this.path = path;
      this.authorization = authorization;
    }

    String describe() {
      return name + " 127.0.0.1:" + port;
    }
  }
}
