package io.workspacebackend.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.workspacebackend.reactive.JvmErrors;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * An {@link Error} while serving a request (a class the runtime lacks, a stack overflow) answers
 * 500 problem+json at once and is logged once, with its stack trace; Reactor would otherwise
 * rethrow it on the worker thread and leave the request unanswered. Real Reactor Netty server, real
 * errors thrown by the JVM.
 */
@Timeout(60)
class ErrorsInRequestsTest {
  private static DisposableServer server;
  private static WebTestClient client;

  private final Logger logger = (Logger) LoggerFactory.getLogger(ProblemWebExceptionHandler.class);
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();

  @BeforeAll
  static void startServer() {
    // The JVM throws ExceptionInInitializerError once, then NoClassDefFoundError on every use:
    // what a class that cannot be loaded looks like to the code that needs it.
    assertThatThrownBy(() -> Uninitializable.VALUE.length())
        .isInstanceOf(ExceptionInInitializerError.class);

    RouterFunction<ServerResponse> routes =
        RouterFunctions.route()
            .GET("/missing-class", request -> blocking(() -> Uninitializable.VALUE))
            .GET("/stack-overflow", request -> blocking(() -> String.valueOf(depth(deepChain()))))
            .GET("/handler-throws", request -> ServerResponse.ok().bodyValue(Uninitializable.VALUE))
            .build();
    ProblemWebExceptionHandler problems =
        new ProblemWebExceptionHandler(new ProblemWriter(JsonMapper.builder().build()));
    server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle(
                new ReactorHttpHandlerAdapter(
                    WebHttpHandlerBuilder.webHandler(RouterFunctions.toWebHandler(routes))
                        .filter(new JvmErrorFilter())
                        .exceptionHandler(problems)
                        .build()))
            .bindNow();
    client =
        WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + server.port())
            .responseTimeout(Duration.ofSeconds(30))
            .build();
  }

  @AfterAll
  static void stopServer() {
    server.disposeNow();
  }

  @BeforeEach
  void captureLog() {
    events.start();
    logger.addAppender(events);
  }

  @AfterEach
  void releaseLog() {
    logger.detachAppender(events);
  }

  @Test
  void aClassMissingInBlockingWorkAnswers500ProblemJson() {
    expectServerFailure("/missing-class");

    assertLoggedOnceAsError(NoClassDefFoundError.class);
  }

  @Test
  void aStackOverflowInBlockingWorkAnswers500ProblemJson() {
    expectServerFailure("/stack-overflow");

    assertLoggedOnceAsError(StackOverflowError.class);
  }

  @Test
  void anErrorThrownByTheHandlerItselfAnswers500ProblemJson() {
    expectServerFailure("/handler-throws");

    assertLoggedOnceAsError(NoClassDefFoundError.class);
  }

  /** Blocking work as the backend runs it: off the event loop, its errors delivered. */
  private static Mono<ServerResponse> blocking(Callable<String> work) {
    return Mono.fromCallable(JvmErrors.delivered(work))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(body -> ServerResponse.ok().bodyValue(body));
  }

  /** A recursive walk over a structure deeper than any thread's stack: a stack overflow. */
  private static int depth(Link link) {
    return link == null ? 0 : depth(link.next()) + 1;
  }

  private static Link deepChain() {
    Link head = null;
    for (int i = 0; i < 10_000_000; i++) {
      head = new Link(head);
    }
    return head;
  }

  private record Link(Link next) {}

  private void expectServerFailure(String path) {
    client
        .get()
        .uri(path)
        .exchange()
        .expectStatus()
        .isEqualTo(500)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("the server failed to handle this request; see its log")
        .jsonPath("$.instance")
        .isEqualTo("http://127.0.0.1:" + server.port() + path);
  }

  private void assertLoggedOnceAsError(Class<? extends Error> error) {
    assertThat(events.list)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getLevel()).isEqualTo(Level.ERROR);
              assertThat(causes(event.getThrowableProxy())).contains(error.getName());
            });
  }

  private static String causes(IThrowableProxy proxy) {
    StringBuilder names = new StringBuilder();
    for (IThrowableProxy cause = proxy; cause != null; cause = cause.getCause()) {
      names.append(cause.getClassName()).append(' ');
    }
    return names.toString();
  }

  /** A class whose initializer fails, as one whose bytes cannot be found fails to load. */
  private static final class Uninitializable {
    static final String VALUE = initialValue();

    private static String initialValue() {
      throw new IllegalStateException("this class cannot be initialized");
    }
  }
}
