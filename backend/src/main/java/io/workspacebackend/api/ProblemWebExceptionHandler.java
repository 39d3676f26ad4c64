package io.workspacebackend.api;

import io.workspacebackend.container.RuntimeUnavailable;
import io.workspacebackend.db.DatabaseBusy;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import tools.jackson.core.JacksonException;

/**
 * Turns every exception that leaves a handler, or a route that does not exist, into problem+json.
 * Runs before Spring Boot's own handler, which would answer with its own JSON shape.
 */
@Component
@Order(-2)
class ProblemWebExceptionHandler implements WebExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

  private static final Duration OUTAGE_WARNING_INTERVAL = Duration.ofMinutes(1);

  private final ProblemWriter problemWriter;
  private final AtomicLong lastOutageWarning =
      new AtomicLong(System.nanoTime() - OUTAGE_WARNING_INTERVAL.toNanos());

  ProblemWebExceptionHandler(ProblemWriter problemWriter) {
    this.problemWriter = problemWriter;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (clientWentAway(error)) {
      // Nobody is left to answer; the client ended the exchange, not this server.
      log.debug(
          "{} {}: the client went away ({})",
          exchange.getRequest().getMethod(),
          exchange.getRequest().getPath().value(),
          error.toString());
      return Mono.empty();
    }
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(error);
    }
    ProblemDetail problem = toProblem(error);
    logAnswer(exchange, problem, error);
    if (problem.getInstance() == null) {
      problem.setInstance(
          exchange.getRequest().getURI().resolve(exchange.getRequest().getPath().value()));
    }
    if (error instanceof ErrorResponse errorResponse) {
      exchange.getResponse().getHeaders().addAll(errorResponse.getHeaders());
    }
    // A 503 that names its own Retry-After (a session still starting: 1 s) keeps it.
    if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()
        && !exchange.getResponse().getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)) {
      exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
    }
    return problemWriter.write(exchange.getResponse(), problem);
  }

  /**
   * Only a failure of this server is an error with a stack trace. Answers that are part of the
   * contract (4xx, 503 while a session starts) are debug lines; a session's service failing (502,
   * 504) is a one-line warning; an engine that is down is a warning at most once a minute, not per
   * request; so is a database another writer keeps busy.
   */
  private void logAnswer(ServerWebExchange exchange, ProblemDetail problem, Throwable error) {
    int status = problem.getStatus();
    Object method = exchange.getRequest().getMethod();
    String path = exchange.getRequest().getPath().value();
    if (status == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
      log.error("{} {} failed", method, path, error);
    } else if (error instanceof RuntimeUnavailable
        || error instanceof TimeoutException
        || DatabaseBusy.causedBy(error)) {
      long now = System.nanoTime();
      long last = lastOutageWarning.get();
      if (now - last >= OUTAGE_WARNING_INTERVAL.toNanos()
          && lastOutageWarning.compareAndSet(last, now)) {
        log.warn("{} {} answered {}: {}", method, path, status, error.getMessage());
      } else {
        log.debug("{} {} answered {}: {}", method, path, status, error.getMessage());
      }
    } else if (status == HttpStatus.BAD_GATEWAY.value()
        || status == HttpStatus.GATEWAY_TIMEOUT.value()) {
      log.warn("{} {} answered {}: {}", method, path, status, problem.getDetail());
    } else {
      log.debug("{} {} answered {}: {}", method, path, status, problem.getDetail());
    }
  }

  /** The client closed or reset its connection while its request was being read or answered. */
  static boolean clientWentAway(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof AbortedException) {
        return true;
      }
    }
    return false;
  }

  static ProblemDetail toProblem(Throwable error) {
    if (error instanceof WebExchangeBindException binding) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "invalid request");
      problem.setProperty("errors", fieldErrors(binding));
      return problem;
    }
    if (error instanceof ServerWebInputException input && payloadTooLarge(input)) {
      return ProblemDetail.forStatusAndDetail(
          HttpStatus.PAYLOAD_TOO_LARGE, "the request body is larger than the server accepts");
    }
    if (error instanceof ServerWebInputException input
        && input.getCause() == null
        && input.getReason() != null
        && input.getReason().startsWith("No request body")) {
      // Spring's reason names the handler method's signature: none of a client's business.
      return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "a JSON body is required");
    }
    if (error instanceof ServerWebInputException input
        && input.getCause() instanceof DecodingException decoding) {
      String reason = withoutPackages(firstLine(decoding.getMostSpecificCause().getMessage()));
      Optional<String> field = jsonField(decoding);
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.BAD_REQUEST,
              "malformed JSON: " + field.map(name -> name + ": ").orElse("") + reason);
      // A value of the wrong type is named like any other invalid field.
      field.ifPresent(
          name -> problem.setProperty("errors", List.of(Map.of("field", name, "message", reason))));
      return problem;
    }
    if (error instanceof UnsupportedMediaTypeStatusException unsupported) {
      return ProblemDetail.forStatusAndDetail(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "content type "
              + (unsupported.getContentType() == null ? "(none)" : unsupported.getContentType())
              + " is not supported here; send "
              + unsupported.getSupportedMediaTypes().stream()
                  .map(Object::toString)
                  .collect(Collectors.joining(" or ")));
    }
    if (error instanceof ErrorResponse errorResponse) {
      ProblemDetail problem = errorResponse.getBody();
      if (problem.getDetail() == null) {
        // Every problem says something a person can read, if only the status in words.
        HttpStatus status = HttpStatus.resolve(problem.getStatus());
        problem.setDetail(
            status == null ? "request refused" : status.getReasonPhrase().toLowerCase(Locale.ROOT));
      }
      return problem;
    }
    if (DatabaseBusy.causedBy(error)) {
      // SQLite's write lock held past the busy timeout, by a CLI command or another tool.
      return ProblemDetail.forStatusAndDetail(
          HttpStatus.SERVICE_UNAVAILABLE,
          "the database is busy with another writer; nothing was changed, try again shortly");
    }
    if (error instanceof RuntimeUnavailable || error instanceof TimeoutException) {
      return ProblemDetail.forStatusAndDetail(
          HttpStatus.SERVICE_UNAVAILABLE,
          "the container runtime is unavailable right now; try again shortly");
    }
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.INTERNAL_SERVER_ERROR, "the server failed to handle this request; see its log");
  }

  /**
   * Jackson names a type by its class ({@code `io.workspacebackend….QuotaOverrides`}): keep the
   * name.
   */
  private static String withoutPackages(String reason) {
    return reason.replaceAll("`(?:[a-z][a-z0-9_]*\\.)+([A-Z][\\w$]*)`", "`$1`");
  }

  /**
   * Where in the body the JSON could not be read into its type, as {@code max_cpus} or {@code
   * env.HOME}; empty for a body that is not JSON at all.
   */
  private static Optional<String> jsonField(DecodingException decoding) {
    for (Throwable cause = decoding; cause != null; cause = cause.getCause()) {
      if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : jackson.getPath()) {
          if (reference.getPropertyName() != null) {
            path.append(path.length() == 0 ? "" : ".").append(reference.getPropertyName());
          } else if (reference.getIndex() >= 0) {
            path.append('[').append(reference.getIndex()).append(']');
          }
        }
        return path.length() == 0 ? Optional.empty() : Optional.of(path.toString());
      }
    }
    return Optional.empty();
  }

  private static boolean payloadTooLarge(ServerWebInputException input) {
    for (Throwable cause = input; cause != null; cause = cause.getCause()) {
      if (cause instanceof DataBufferLimitException) {
        return true;
      }
    }
    return false;
  }

  private static List<Map<String, String>> fieldErrors(WebExchangeBindException binding) {
    return binding.getFieldErrors().stream().map(ProblemWebExceptionHandler::fieldError).toList();
  }

  private static Map<String, String> fieldError(FieldError error) {
    String message = error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    return Map.of("field", snakeCase(error.getField()), "message", message);
  }

  /** Bound fields are Java names; the client knows them by their JSON (snake_case) names. */
  static String snakeCase(String javaName) {
    return javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable body";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
