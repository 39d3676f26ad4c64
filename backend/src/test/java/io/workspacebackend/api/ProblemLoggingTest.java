package io.workspacebackend.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.workspacebackend.session.SessionNotFoundException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.ErrorResponseException;
import reactor.netty.channel.AbortedException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator reads in the log for each kind of answer: a stack trace only when this server
 * failed; the answers the contract expects (401, 404, 409, 503 while a session starts) never above
 * debug; an engine that is down once, not once per request.
 */
class ProblemLoggingTest {
  private final ProblemWebExceptionHandler handler =
      new ProblemWebExceptionHandler(new ProblemWriter(JsonMapper.builder().build()));
  private final Logger logger = (Logger) LoggerFactory.getLogger(ProblemWebExceptionHandler.class);
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private Level levelBefore;

  @BeforeEach
  void capture() {
    levelBefore = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    events.start();
    logger.addAppender(events);
  }

  @AfterEach
  void release() {
    logger.detachAppender(events);
    logger.setLevel(levelBefore);
  }

  @Test
  void answersTheContractExpectsAreDebugLinesWithoutStackTraces() {
    answer(new ErrorResponseException(HttpStatus.UNAUTHORIZED));
    answer(new SessionNotFoundException());
    answer(new ErrorResponseException(HttpStatus.CONFLICT));
    ErrorResponseException starting = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE);
    starting.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
    answer(starting);
    answer(new AbortedException("Connection has been closed BEFORE send operation"));

    assertThat(events.list).hasSize(5);
    assertThat(events.list)
        .allSatisfy(
            event -> {
              assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
              assertThat(event.getThrowableProxy()).isNull();
            });
  }

  @Test
  void aSessionServiceFailingIsOneWarningLine() {
    answer(new ErrorResponseException(HttpStatus.BAD_GATEWAY));
    answer(new ErrorResponseException(HttpStatus.GATEWAY_TIMEOUT));

    assertThat(events.list)
        .extracting(ILoggingEvent::getLevel)
        .containsExactly(Level.WARN, Level.WARN);
    assertThat(events.list).allSatisfy(event -> assertThat(event.getThrowableProxy()).isNull());
  }

  @Test
  void anEngineThatIsDownIsWarnedAboutOnceNotPerRequest() {
    for (int i = 0; i < 5; i++) {
      answer(new TimeoutException("the engine did not answer"));
    }

    assertThat(events.list)
        .extracting(ILoggingEvent::getLevel)
        .containsExactly(Level.WARN, Level.DEBUG, Level.DEBUG, Level.DEBUG, Level.DEBUG);
  }

  @Test
  void onlyAFailureOfThisServerIsAnErrorWithItsStackTrace() {
    answer(new IllegalStateException("a bug"));

    assertThat(events.list)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getLevel()).isEqualTo(Level.ERROR);
              assertThat(event.getThrowableProxy().getMessage()).isEqualTo("a bug");
            });
  }

  private void answer(Throwable error) {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(MockServerHttpRequest.get("/api/sessions/x"));
    handler.handle(exchange, error).block();
  }
}
